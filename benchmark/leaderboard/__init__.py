"""The Dateline leaderboard: submissions as data, re-scored and rendered by `dateline leaderboard build`.

- `submissions`: submission folders, read defensively (slug names, fixed file names, size
  limits, no links, SHA-256 of the predictions).
- `system`: the strict `system.yaml` schema; `safe_yaml`: the YAML reader it uses.
- `build`: re-scoring with the scorer's public API, tables, significance, the outputs.
- `render_markdown`, `render_html`, `plot`: README.md, index.html and its SVG plots.
- `baseline_submissions`: the baselines as the first submissions.
- `commands`: `dateline leaderboard validate|build|add-baselines`.

Tests live in tests/leaderboard/; the golden files of the rendered README.md and index.html in
tests/leaderboard/golden/ are regenerated, after checking the change is intended, with
`DATELINE_UPDATE_GOLDEN=1 python -m pytest tests/leaderboard`.
"""
