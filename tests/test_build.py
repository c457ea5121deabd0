from benchmark import paths
from benchmark.build import compile_corpus, render_data


def test_committed_data_is_what_the_sources_compile_to():
    docs = compile_corpus(paths.ANNOTATIONS)
    assert docs, "the corpus has no documents"
    rendered = render_data(docs)
    stale = [rel for rel, content in rendered.items() if (paths.DATA / rel).read_bytes() != content]
    assert not stale, f"run `dateline build --card`: these compiled files differ from their sources: {stale}"
    committed = sorted(p.relative_to(paths.DATA).as_posix() for p in paths.DATA.glob("*/*.jsonl"))
    assert committed == sorted(rendered)


def test_build_is_deterministic():
    assert render_data(compile_corpus(paths.ANNOTATIONS)) == render_data(compile_corpus(paths.ANNOTATIONS))
