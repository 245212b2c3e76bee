"""The newsroom server: one shared library on PostgreSQL that every laptop syncs with (#15).

PostgreSQL is the server; there is no program of ours in between. This package
holds the only SQL of Byline besides ``core/library``:

- ``migrations/*.sql``: the server's schema, plain SQL applied in order;
- ``connection``: DSNs, connecting (TLS as the DSN asks), one-line errors;
- ``passwords``: the operating system's keyring (never the library or settings);
- ``admin``: ``byline server init``, members and their roles;
- ``store``: the queries a sync makes (hello, push, pull, images);
- ``sync``: one sync of a library with the server, through the #14 engine.

Nothing here is imported when Byline starts: psycopg loads on the first sync.
"""
