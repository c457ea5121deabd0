import subprocess
import sys

from benchmark.cli import main


def test_validate_gold_passes_on_the_committed_corpus(capsys):
    assert main(["validate-gold"]) == 0
    assert "documents valid" in capsys.readouterr().out


def test_bad_input_exits_2_with_a_message_and_no_traceback(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "benchmark.cli", "hydrate", "--texts", str(tmp_path / "nowhere"), "--output", str(tmp_path / "out")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "--texts: expected a folder holding the external texts, found no such folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_standoff_tool_reports_a_text_mismatch(tmp_path, capsys):
    private = tmp_path / "x.dl"
    private.write_text("---\ndoc_id: seed-999\ntitle: t\ndate: 2023-01-01\ngenre: wire\nstoryline: russia-dprk\nsplit: test\n---\n[Kim]{PER kim}\n---\nevents: {}\n")
    original = tmp_path / "999_x.txt"
    original.write_text("Kym")
    assert main(["annotate", "standoff", str(private), "--original", str(original), "-o", str(tmp_path / "o.json")]) == 2
    assert "once markup is removed" in capsys.readouterr().err
