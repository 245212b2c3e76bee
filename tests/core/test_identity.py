"""Who is at the keyboard: the person's own settings, not the library's (#17)."""

from __future__ import annotations

import json

import pytest

from editor_app.core.errors import InputError
from editor_app.core.identity import (
    Identity,
    identity_is_set,
    identity_path,
    load_identity,
    save_identity,
)
from editor_app.core.library import Library
from editor_app.core.models import Role


def test_kept_in_the_users_config_folder(own_config_folder):
    assert not identity_is_set()
    assert load_identity() == Identity("", Role.REPORTER)  # the least power until said
    save_identity(Identity("Rasa Vaitkutė", "editor"))
    path = identity_path()
    assert path == own_config_folder / "byline" / "identity.json"
    assert json.loads(path.read_text("utf-8")) == {"name": "Rasa Vaitkutė", "role": "editor"}
    assert identity_is_set()
    assert load_identity() == Identity("Rasa Vaitkutė", Role.EDITOR)


def test_a_change_is_seen_at_once_by_the_next_reader(tmp_path):
    save_identity(Identity("Rasa", "reporter"))
    assert load_identity().role is Role.REPORTER
    save_identity(Identity("Rasa", "producer"))
    assert load_identity().role is Role.PRODUCER


def test_old_library_values_are_the_first_values_only(tmp_path):
    with Library.open(tmp_path / "old.byline") as lib:
        lib.set_setting("user.name", "Tomas")
        lib.set_setting("user.role", "editor")
        assert load_identity(lib) == Identity("Tomas", Role.EDITOR)  # migrated
        assert identity_is_set()
        lib.set_setting("user.role", "reporter")  # never read again
        assert load_identity(lib).role is Role.EDITOR
    with Library.open(tmp_path / "new.byline") as other:
        assert load_identity(other) == Identity("Tomas", Role.EDITOR)


def test_a_library_can_act_for_someone_else(tmp_path):
    save_identity(Identity("Rasa", "reporter"))
    with Library.open(tmp_path / "a.byline") as lib:
        lib.acting_as = Identity("Tomas", "editor")
        assert load_identity(lib).name == "Tomas"
        twin = lib.reopen()  # a worker's connection acts for the same person
        try:
            assert load_identity(twin).role is Role.EDITOR
        finally:
            twin.close()
    assert load_identity().name == "Rasa"


def test_a_damaged_file_counts_as_not_set(own_config_folder):
    identity_path().parent.mkdir(parents=True)
    identity_path().write_text("{not json", "utf-8")
    assert not identity_is_set()
    assert load_identity().role is Role.REPORTER
    save_identity(Identity("Ieva", "producer"))
    assert load_identity().name == "Ieva"


def test_bad_values_are_refused_with_the_field():
    with pytest.raises(InputError, match="unknown role 'boss'"):
        Identity("X", "boss")
    with pytest.raises(InputError, match="name: "):
        Identity("Rasa\u202e", "reporter")


def test_trail_name_falls_back_to_the_login_name():
    assert Identity("", "reporter").trail_name  # never empty in the trail
    assert Identity("Rasa").trail_name == "Rasa"
