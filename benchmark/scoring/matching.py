"""One-to-one matching of predicted and gold spans under the four NER schemes.

Conventions: spans are half-open [start, end) character offsets; two spans overlap when they
share at least one character (a.start < b.end and b.start < a.end).

Each scheme classifies every pair of a one-to-one matching as COR, INC or PAR, and every
unmatched prediction as SPU and unmatched gold span as MIS (SemEval-2013 Task 9.1):

==========  ====================================  ================================
scheme      COR                                   other matched pairs (overlapping)
==========  ====================================  ================================
strict      same boundaries and same type         INC
exact       same boundaries                       INC
partial     same boundaries                       PAR (half credit)
type        overlap and same type                 INC
==========  ====================================  ================================

nervaluate matches greedily in input order, so reordering a submission can change its score.
Ours picks, for each scheme, a matching that depends only on the spans themselves:

1. COR pairs first, as many as possible. For strict/exact/partial a COR pair is two identical
   keys, so the maximum is, per key, min(#gold, #pred). For `type` it is a maximum matching of
   same-type overlapping spans.
2. Then as many INC/PAR pairs as possible among the spans left over.

Maximum matchings of overlapping intervals are found by the classic greedy: take the span that
ends first; pair it with the overlapping span of the other side that ends first. (Exchange
argument: any optimal matching can be rewritten to contain that pair.) Ties are broken on
(end, start, type), so the result is a function of the multiset of spans: identical spans are
interchangeable. tests/scoring/test_matching.py checks optimality against brute force.

Vectorised: spans are sorted once; "clusters" of chained overlaps are found with a running
maximum; the overwhelmingly common cluster (at most one prediction and one gold span) is
classified with array operations; larger clusters are solved exactly in Python.
"""

from __future__ import annotations

import heapq
from collections import Counter

import numpy as np

SCHEMES: tuple[str, ...] = ("strict", "exact", "partial", "type")
COLUMNS: tuple[str, ...] = ("correct", "incorrect", "partial", "missed", "spurious")
COR, INC, PAR, MIS, SPU = range(5)

Item = tuple[int, int, int, int]  # (start, end, type, side); side 0 = gold, 1 = prediction


def _greedy_matching(items: list[Item], same_type: bool = False) -> tuple[int, list[Item]]:
    """Maximum one-to-one matching of overlapping gold/pred spans; returns (size, unmatched)."""
    if same_type:
        size, left = 0, []
        for label in sorted({it[2] for it in items}):
            n, rest = _greedy_matching([it for it in items if it[2] == label])
            size += n
            left += rest
        return size, left
    n = len(items)
    by_end = sorted(range(n), key=lambda i: (items[i][1], items[i][0], items[i][2], items[i][3]))
    by_start = sorted(range(n), key=lambda i: items[i][0])
    state = [0] * n  # 0 open, 1 matched, 2 closed unmatched
    heaps: tuple[list, list] = ([], [])
    ptr = size = 0
    for i in by_end:
        if state[i]:
            continue
        start_i, end_i, _, side_i = items[i]
        # Every span starting before i ends is a candidate; spans ending before i were already
        # closed, so whatever is open on the other side overlaps i.
        while ptr < n and items[by_start[ptr]][0] < end_i:
            j = by_start[ptr]
            heapq.heappush(heaps[items[j][3]], (items[j][1], items[j][0], items[j][2], j))
            ptr += 1
        other = heaps[1 - side_i]
        while other and state[other[0][3]]:
            heapq.heappop(other)
        if other:
            j = heapq.heappop(other)[3]
            state[i] = state[j] = 1
            size += 1
        else:
            state[i] = 2
    return size, [items[i] for i in range(n) if state[i] != 1]


def _identical_pairs(items: list[Item], key_len: int) -> tuple[int, list[Item]]:
    """Pairs of identical (start, end[, type]) keys across sides; returns (count, left over)."""
    gold = Counter(it[:key_len] for it in items if it[3] == 0)
    pred = Counter(it[:key_len] for it in items if it[3] == 1)
    pairs = sum(min(n, pred[k]) for k, n in gold.items())
    budget = {k: min(n, pred[k]) for k, n in gold.items()}
    used = {0: dict(budget), 1: dict(budget)}
    left = []
    for it in items:
        k = it[:key_len]
        if used[it[3]].get(k, 0) > 0:
            used[it[3]][k] -= 1
        else:
            left.append(it)
    return pairs, left


def solve_cluster(items: list[Item]) -> np.ndarray:
    """(COR, INC, PAR) of each scheme for one group of spans: a (4, 3) array."""
    out = np.zeros((4, 3), dtype=np.int64)
    cor, left = _identical_pairs(items, 3)
    out[0] = (cor, _greedy_matching(left)[0], 0)
    cor, left = _identical_pairs(items, 2)
    rest = _greedy_matching(left)[0]
    out[1] = (cor, rest, 0)
    out[2] = (cor, 0, rest)
    cor, left = _greedy_matching(items, same_type=True)
    inc = _greedy_matching(left)[0]
    if cor + inc < _greedy_matching(items)[0]:
        # Stage two fell short of the largest matching, so a different choice of COR pairs
        # may leave more INC pairs: solve this (rare) cluster exactly.
        cor, inc = _type_scheme_exact(items)
    out[3] = (cor, inc, 0)
    return out


def _type_scheme_exact(items: list[Item]) -> tuple[int, int]:
    """Lexicographic maximum (COR, then INC) of the type scheme by weighted assignment."""
    gold = [it for it in items if it[3] == 0]
    pred = [it for it in items if it[3] == 1]
    big = len(items) + 1  # one COR pair outweighs any number of INC pairs
    w = np.zeros((len(gold), len(pred)), dtype=np.int64)
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if g[0] < p[1] and p[0] < g[1]:
                w[i, j] = big if g[2] == p[2] else 1
    chosen = w[assignment(w)]
    return int((chosen == big).sum()), int((chosen == 1).sum())


def assignment(weight: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Rows and columns of a maximum-weight assignment (Hungarian method, shortest augmenting
    paths with potentials; inner loops vectorised). Zero-weight pairs mean "unmatched"."""
    transpose = weight.shape[0] > weight.shape[1]
    cost = -(weight.T if transpose else weight).astype(np.float64)
    n, m = cost.shape
    u = np.zeros(n + 1)
    v = np.zeros(m + 1)
    match = np.zeros(m + 1, dtype=np.int64)  # match[j] = 1-based row assigned to column j
    for i in range(1, n + 1):
        match[0] = i
        j0 = 0
        minv = np.full(m + 1, np.inf)
        way = np.zeros(m + 1, dtype=np.int64)
        used = np.zeros(m + 1, dtype=bool)
        while True:
            used[j0] = True
            i0 = match[j0]
            cur = cost[i0 - 1] - u[i0] - v[1:]
            free = ~used[1:]
            better = free & (cur < minv[1:])
            minv[1:][better] = cur[better]
            way[1:][better] = j0
            cand = np.where(free, minv[1:], np.inf)
            j1 = int(np.argmin(cand)) + 1
            delta = cand[j1 - 1]
            u[match[used]] += delta
            v[used] -= delta
            minv[1:][free] -= delta
            j0 = j1
            if match[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
    cols = np.flatnonzero(match[1:])
    rows = match[1:][cols] - 1
    if transpose:
        rows, cols = cols, rows
    order = np.argsort(rows)
    return rows[order], cols[order]


def _ranges(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Concatenated np.arange(start, start + length) for each pair, without a Python loop."""
    ends = np.cumsum(lengths)
    return np.arange(ends[-1] if len(ends) else 0) + np.repeat(starts - ends + lengths, lengths)


def scheme_counts(
    group: np.ndarray, start: np.ndarray, end: np.ndarray, label: np.ndarray, is_pred: np.ndarray, n_groups: int
) -> np.ndarray:
    """Per-group counts of the four schemes: int64 array (4, n_groups, 5) in COLUMNS order.

    Spans of different groups never match (a group is a document, or a document and type).
    """
    out = np.zeros((4, n_groups, 5), dtype=np.int64)
    n = len(start)
    if n == 0:
        return out
    group = np.asarray(group, dtype=np.int64)
    start = np.asarray(start, dtype=np.int64)
    end = np.asarray(end, dtype=np.int64)
    label = np.asarray(label, dtype=np.int64)
    is_pred = np.asarray(is_pred, dtype=bool)
    big = int(end.max()) + 1
    key_start = group * big + start  # one sortable key per span: groups never chain together
    order = np.argsort(key_start, kind="stable")
    ks = key_start[order]
    ke = (group * big + end)[order]

    # Clusters: maximal runs of spans chained by overlaps (a span starting at or after the
    # furthest end so far opens a new cluster). Spans of different clusters never overlap.
    reach = np.maximum.accumulate(ke)
    first = np.empty(n, dtype=bool)
    first[0] = True
    np.greater_equal(ks[1:], reach[:-1], out=first[1:])
    heads = np.flatnonzero(first)
    size = np.diff(np.append(heads, n))
    p = is_pred[order]
    n_pred = np.add.reduceat(p.view(np.int8), heads, dtype=np.int64)
    n_gold = size - n_pred
    cluster_group = group[order[heads]]

    def per_group(where: np.ndarray, weights: np.ndarray | None = None) -> np.ndarray:
        return np.bincount(cluster_group[where], weights=weights, minlength=n_groups)

    # cor[k]: COR pairs of scheme k per group; matched: matched pairs per group (any scheme
    # matches the same number of pairs in pair and star clusters: exactly one)
    cor = np.zeros((4, n_groups))
    matched = np.zeros((4, n_groups))

    # One prediction and one gold span (the common case): they overlap, by construction.
    pair = np.flatnonzero((size == 2) & (n_pred == 1))
    oa, ob = order[heads[pair]], order[heads[pair] + 1]
    same_bounds = (start[oa] == start[ob]) & (end[oa] == end[ob])
    same_type = label[oa] == label[ob]
    for k, ok in enumerate((same_bounds & same_type, same_bounds, same_bounds, same_type)):
        cor[k] += per_group(pair, ok)
    matched += per_group(pair)

    # Stars: one span on one side, several on the other. Exactly one pair is matched (the
    # single span overlaps something); it is COR if any partner qualifies.
    star = np.flatnonzero(((n_pred == 1) & (n_gold >= 2)) | ((n_gold == 1) & (n_pred >= 2)))
    if len(star):
        items = _ranges(heads[star], size[star])
        owner = np.repeat(np.arange(len(star)), size[star])  # index into `star`
        single_side = n_pred[star] == 1  # True: the single span is the prediction
        is_single = p[items] == single_side[owner]
        single_of = np.zeros(len(star), dtype=np.int64)
        single_of[owner[is_single]] = order[items[is_single]]
        many = order[items[~is_single]]
        k1 = single_of[owner[~is_single]]
        sb = (start[many] == start[k1]) & (end[many] == end[k1])
        st_ = label[many] == label[k1]
        ov = (start[many] < end[k1]) & (start[k1] < end[many])
        owner_many = owner[~is_single]

        def any_in(mask: np.ndarray) -> np.ndarray:
            return np.bincount(owner_many, weights=mask, minlength=len(star)) > 0

        for k, ok in enumerate((any_in(sb & st_), any_in(sb), any_in(sb), any_in(ov & st_))):
            cor[k] += per_group(star, ok)
        matched += per_group(star)

    # Several spans on both sides: solved exactly, one cluster at a time (rare).
    hard = np.flatnonzero((n_pred >= 2) & (n_gold >= 2))
    if len(hard):
        idx = order[_ranges(heads[hard], size[hard])]
        items = list(zip(start[idx].tolist(), end[idx].tolist(), label[idx].tolist(), is_pred[idx].astype(np.int64).tolist(), strict=True))
        solved = np.zeros((len(hard), 4, 3), dtype=np.int64)
        lo = 0
        for c, m in enumerate(size[hard].tolist()):
            solved[c] = solve_cluster(items[lo : lo + m])
            lo += m
        for k in range(4):
            cor[k] += per_group(hard, solved[:, k, 0])
            matched[k] += per_group(hard, solved[:, k].sum(axis=1))

    gold_total = np.bincount(cluster_group, weights=n_gold, minlength=n_groups)
    pred_total = np.bincount(cluster_group, weights=n_pred, minlength=n_groups)
    for k, scheme in enumerate(SCHEMES):
        out[k, :, COR] = cor[k]
        out[k, :, PAR if scheme == "partial" else INC] = matched[k] - cor[k]
        out[k, :, MIS] = gold_total - matched[k]
        out[k, :, SPU] = pred_total - matched[k]
    return out
