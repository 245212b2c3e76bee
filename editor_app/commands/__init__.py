"""The `byline` sub-commands, one module per subject; cli.py builds the parser from them."""


class UsageError(Exception):
    """Bad command-line usage: exit status 2."""


#: Every sub-command and the module of editor_app.commands that registers and runs it.
#: The command line imports only the module of the command it runs (opening the GUI
#: imported all of them, a third of a second before the window could start, #20);
#: tests/test_cli_lazy.py checks this table against what the modules register.
COMMANDS = {
    "open": "library_cmds", "import": "library_cmds", "list": "library_cmds",
    "show": "library_cmds", "search": "library_cmds", "status": "library_cmds",
    "check": "library_cmds", "backup": "library_cmds", "new": "library_cmds",
    "whoami": "library_cmds",
    "spell": "spell",
    "tag": "tags_cmds", "tags": "tags_cmds", "related": "tags_cmds",
    "related-space": "tags_cmds",
    "check-article": "review_cmds", "comment": "review_cmds", "comments": "review_cmds",
    "history": "review_cmds", "diff-revisions": "review_cmds", "restore-revision": "review_cmds",
    "export": "export_cmds",
    "backups": "maintenance_cmds", "restore": "maintenance_cmds",
    "send": "sync_cmds", "receive": "sync_cmds", "conflicts": "sync_cmds", "resolve": "sync_cmds",
    "server": "server_cmds", "sync": "server_cmds",
}
