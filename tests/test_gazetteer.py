import pytest

from benchmark.errors import AnnotationError
from benchmark.gazetteer import COLUMNS, load_gazetteer

HEADER = "\t".join(COLUMNS) + "\n"


def _write(root, rows, name="gazetteer.tsv"):
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")


def test_loads_rows(tmp_path):
    _write(tmp_path, ["russia\tRussia\tcountry\t60\t100\t2017370\tRU\tGeoNames 2017370"])
    row = load_gazetteer(tmp_path)["russia"]
    assert (row.lat, row.lon, row.geonames_id, row.feature) == (60.0, 100.0, 2017370, "country")


@pytest.mark.parametrize(
    "row, field",
    [
        ("Russia\tRussia\tcountry\t60\t100\t1\tRU\tsrc", "key"),
        ("russia\tRussia\tnation\t60\t100\t1\tRU\tsrc", "feature"),
        ("russia\tRussia\tcountry\t91\t100\t1\tRU\tsrc", "lat"),
        ("russia\tRussia\tcountry\tnan\t100\t1\tRU\tsrc", "lat"),
        ("russia\tRussia\tcountry\t60\t-181\t1\tRU\tsrc", "lon"),
        ("russia\tRussia\tcountry\t60\t100\tx1\tRU\tsrc", "geonames_id"),
        ("russia\tRussia\tcountry\t60\t100\t1\tRUS\tsrc", "country"),
        ("russia\tRussia\tcountry\t60\t100\t1\tRU\t ", "source"),
        ("russia\tRussia\tcountry\t60", "row"),
    ],
)
def test_bad_rows_are_refused(tmp_path, row, field):
    _write(tmp_path, [row])
    with pytest.raises(AnnotationError) as err:
        load_gazetteer(tmp_path)
    assert f":2: {field}: expected" in str(err.value)


def test_duplicate_keys_across_tables_are_refused(tmp_path):
    row = "russia\tRussia\tcountry\t60\t100\t2017370\tRU\tsrc"
    _write(tmp_path, [row])
    _write(tmp_path, [row], "gazetteer.d/batch.tsv")
    with pytest.raises(AnnotationError, match="a key not already defined"):
        load_gazetteer(tmp_path)
