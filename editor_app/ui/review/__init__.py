"""Review: the queues, the workflow buttons and trail, comments on passages, revision
history with diffs, and the pre-flight checklist shown before approval and publishing."""
