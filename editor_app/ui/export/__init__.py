"""Export: the dialog that writes HTML bundles (scope, destination, site settings,
progress, cancel); the bundles themselves are built by core/export."""
