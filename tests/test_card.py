import yaml

from benchmark import paths
from benchmark.build import compile_corpus
from benchmark.card import STATS_END, STATS_START, render_card, render_readme
from benchmark.features import features_for
from benchmark.model import CONFIGS, SPLITS


def _front_matter():
    text = paths.CARD.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])


def test_card_and_readme_statistics_are_current():
    docs = compile_corpus(paths.ANNOTATIONS)
    assert paths.CARD.read_text(encoding="utf-8") == render_card(docs), "run `dateline build --card`"
    readme = paths.REPO_ROOT / "README.md"
    assert readme.read_text(encoding="utf-8") == render_readme(docs, readme), "run `dateline build --card`"


def test_card_configs_name_every_split_file_explicitly():
    meta = _front_matter()
    assert [c["config_name"] for c in meta["configs"]] == list(CONFIGS)
    assert sum(bool(c.get("default")) for c in meta["configs"]) == 1
    for config in meta["configs"]:
        files = {f["split"]: f["path"] for f in config["data_files"]}
        assert files == {s: f"data/{config['config_name']}/{s}.jsonl" for s in SPLITS}
        assert not any("*" in p for p in files.values())
        assert all((paths.ANNOTATIONS / p).exists() for p in files.values())


def test_card_features_are_the_data_models():
    import datasets

    for info in _front_matter()["dataset_info"]:
        features = datasets.Features._from_yaml_list(info["features"])
        assert features == features_for(info["config_name"])


def test_card_metadata_fields():
    meta = _front_matter()
    assert meta["license"] == "cc-by-4.0" and meta["language"] == ["en"]
    assert {"event-extraction", "toponym-resolution"} <= set(meta["tags"])
    for key in ("task_categories", "task_ids", "size_categories", "pretty_name"):
        assert meta[key]
    text = paths.CARD.read_text(encoding="utf-8")
    assert text.index(STATS_START) < text.index(STATS_END)
