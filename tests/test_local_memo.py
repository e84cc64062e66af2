"""The per-process memo behind story rows, stamps, facts and shared pages."""

from __future__ import annotations

from articles import local_memo
from articles.local_memo import LocalMemo


def test_keeps_the_most_recently_used_entries() -> None:
    memo: LocalMemo[str, int] = LocalMemo(2)
    memo.put("a", 1)
    memo.put("b", 2)
    assert memo.get("a") == 1  # "a" is now the most recent
    memo.put("c", 3)
    assert (memo.get("a"), memo.get("b"), memo.get("c")) == (1, None, 3)


def test_entries_expire(monkeypatch) -> None:
    now = [100.0]
    monkeypatch.setattr(local_memo.time, "monotonic", lambda: now[0])
    memo: LocalMemo[str, int] = LocalMemo(4)
    memo.put("stamp", 7, ttl=5)
    memo.put("page", 8)
    now[0] = 104.9
    assert memo.get("stamp") == 7
    now[0] = 105.0
    assert memo.get("stamp") is None and memo.get("page") == 8
    memo.clear()
    assert memo.get("page") is None
