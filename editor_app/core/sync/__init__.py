"""Two libraries, one story: revision identity, three-way merge and hand-off files (#14).

Qt-free. The pieces, from the bottom up:

- ``graph``: ancestry and merge bases in an article's revision graph;
- ``textmerge`` / ``merge``: the three-way merge of two versions of an article;
- ``conflicts``: the model a merge view (and ``byline resolve``) works on;
- ``registers``: what records add up to, and the replay of workflow moves;
- ``wire``: the changes that travel, checked as hostile input;
- ``handoff``: the ``.byline`` hand-off file, one transport of those changes;
- ``engine``: send (collect changes) and receive (merge them in), one transaction;
- ``resolve``: loading a conflict and saving its resolution.

Import what you need from the submodules; this package imports nothing eagerly
so that opening a library does not load the merge machinery.
"""
