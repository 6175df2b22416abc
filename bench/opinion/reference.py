"""The opinion map's computation in numpy (docs/dialogue.md, "Statements and the opinion map"), step for step as the
room server does it with Hipparchus (rooms/opinion/OpinionAnalysis): mean-centred votes with missing as 0, the first
two right singular vectors (sign fixed by the largest loading), scaled into [-1, 1]; k-means++ for k = 2..5 with 4
restarts of at most 100 iterations each, kept by the best mean silhouette over 0.2; then agreement per group and
statement. The comparator of bench/opinion-map.sh: numpy over LAPACK/BLAS, the usual numerical stack.

Usage: reference.py MATRIX_FILE RUNS  (MATRIX_FILE: one voter per line, values 1, -1, 0 or nan, space-separated)."""
import sys
import time
import numpy as np

MIN_SILHOUETTE = 0.2


def project(votes):
    mean = np.nanmean(votes, axis=0)
    mean = np.where(np.isnan(mean), 0.0, mean)
    centred = np.where(np.isnan(votes), 0.0, votes - mean)
    _, sigma, vt = np.linalg.svd(centred, full_matrices=False)
    xy = np.zeros((votes.shape[0], 2))
    for c in range(min(2, vt.shape[0])):
        if sigma[c] <= 1e-9:
            break
        axis = vt[c]
        sign = -1.0 if axis[np.argmax(np.abs(axis))] < 0 else 1.0
        xy[:, c] = sign * (centred @ axis)
    scale = np.max(np.abs(xy))
    return xy / scale if scale > 0 else xy


def kmeans_pp(xy, k, rng, iterations=100):
    n = len(xy)
    centres = [xy[rng.integers(n)]]
    for _ in range(1, k):
        d2 = np.min(((xy[:, None, :] - np.array(centres)[None, :, :]) ** 2).sum(-1), axis=1)
        centres.append(xy[rng.choice(n, p=d2 / d2.sum())] if d2.sum() > 0 else xy[rng.integers(n)])
    centres = np.array(centres)
    for _ in range(iterations):
        label = np.argmin(((xy[:, None, :] - centres[None, :, :]) ** 2).sum(-1), axis=1)
        moved = np.array([xy[label == c].mean(0) if np.any(label == c) else centres[c] for c in range(k)])
        if np.allclose(moved, centres):
            break
        centres = moved
    error = ((xy - centres[label]) ** 2).sum()
    return label, error


def silhouette(xy, label, k):
    d = np.sqrt(((xy[:, None, :] - xy[None, :, :]) ** 2).sum(-1))
    total = 0.0
    for i in range(len(xy)):
        own = label == label[i]
        own[i] = False
        if not own.any():
            continue
        a = d[i, own].mean()
        b = min(d[i, label == c].mean() for c in range(k) if c != label[i] and np.any(label == c))
        total += (b - a) / max(a, b) if max(a, b) > 0 else 0
    return total / len(xy)


def groups(xy):
    best, best_score = np.zeros(len(xy), dtype=int), MIN_SILHOUETTE
    distinct = len({(round(p[0] * 1e6), round(p[1] * 1e6)) for p in xy})
    for k in range(2, min(5, distinct, len(xy) // 2) + 1):
        rng = np.random.default_rng(2026 + k)
        label = min((kmeans_pp(xy, k, rng) for _ in range(4)), key=lambda r: r[1])[0]
        score = silhouette(xy, label, k)
        if score > best_score + 1e-9:
            best, best_score = label, score
    return best


def opinion_map(votes):
    xy = project(votes)
    label = groups(xy)
    k = label.max() + 1
    voted = ~np.isnan(votes)
    agree = np.array([((votes > 0) & voted)[label == g].sum(0) for g in range(k)])
    counted = np.array([voted[label == g].sum(0) for g in range(k)])
    shares = np.divide(agree, counted, out=np.zeros_like(agree, dtype=float), where=counted > 0)
    return xy, label, shares


def main():
    votes = np.loadtxt(sys.argv[1])
    runs = int(sys.argv[2])
    for _ in range(3):
        opinion_map(votes)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        _, label, _ = opinion_map(votes)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    print(f"numpy {np.__version__} {times[len(times) // 2]:.1f} {times[0]:.1f} {times[-1]:.1f} {label.max() + 1}")


if __name__ == "__main__":
    main()
