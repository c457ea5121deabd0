from hypothesis import given
from hypothesis import strategies as st

from baselines.text import sentences, tokenize


def test_tokens_split_possessives_and_keep_hyphenated_names():
    text = "North Korea’s Hwasong-18 flew; the U.S. said Kim's trip ended."
    assert [t.text for t in tokenize(text)] == ["North", "Korea", "’s", "Hwasong-18", "flew", ";", "the", "U.S.", "said", "Kim", "'s", "trip", "ended", "."]


@given(st.text())
def test_token_offsets_point_into_the_text(text):
    for t in tokenize(text):
        assert text[t.start : t.end] == t.text and t.text.strip()


def test_sentences_split_before_capitals_and_at_newlines():
    text = "Kim arrived on Sept. 13 by train. Putin waited.\nA new paragraph"
    assert [text[a:b] for a, b in sentences(text)] == ["Kim arrived on Sept. 13 by train.", "Putin waited.", "A new paragraph"]
