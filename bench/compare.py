#!/usr/bin/python3
"""make bench-compare: one run, the same networks, our engine and its peers.

  engine (native)   build/native/backprop-bench-compare
  engine (wasm)     node build/wasm/backprop-bench-compare.js
  PyTorch eager     torch 1.13 (Debian's python3-torch), one thread, float64, autograd
  NumPy chain       the exercise's method: every local Jacobian as a dense matrix, multiplied from l back

Each: forward + backward of the loss w.r.t. every weight and the input, the graph built every
iteration (what eager frameworks do); the median of 7 rounds of at least 50 ms each. The networks
come from the engine (--states), so every implementation computes the same numbers — checked
against the engine's gradients before anything is timed.
"""
import json
import os
import platform
import subprocess
import sys
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NATIVE = os.path.join(ROOT, "build/native/backprop-bench-compare")
WASM = os.path.join(ROOT, "build/wasm/backprop-bench-compare.js")


def lines(cmd):
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def median_ns(step):
    rounds = []
    for _ in range(7):
        n, start = 0, time.perf_counter()
        while True:
            step()
            n += 1
            elapsed = time.perf_counter() - start
            if elapsed >= 0.05:
                break
        rounds.append(elapsed / n * 1e9)
    return sorted(rounds)[3]


def weights(state):
    return [np.array(state["W%d" % k], dtype=np.float64) for k in range(8) if "W%d" % k in state]


# [SECTION] NumPy: the Jacobian chain (ReLU hidden layers, softmax + cross-entropy, no biases)
def numpy_chain(state):
    W = weights(state)
    x = np.array(state["input"], dtype=np.float64)
    y = np.array(state["label"], dtype=np.float64)

    def step():
        acts, pres = [x], []
        for k, w in enumerate(W):
            z = w @ acts[-1]
            if k + 1 < len(W):
                pres.append(z)
                acts.append(np.maximum(z, 0))
        m = z.max()
        e = np.exp(z - m)
        s = e / e.sum()
        # ∇_O l exactly, as the engine: s_i Σ_{j≠i} y_j − y_i Σ_{j≠i} s_j (s − y would lose s_i − 1)
        others = lambda v: np.array([np.delete(v, i).sum() for i in range(len(v))])
        row = (s * others(y) - y * others(s))[None, :]
        grads = [None] * len(W)
        for k in range(len(W) - 1, -1, -1):
            a = acts[k]
            n_out, n_in = W[k].shape
            dz_dw = np.kron(np.eye(n_out), a[None, :])  # ∂z/∂W, row-major: n_out × n_out·n_in
            grads[k] = (row @ dz_dw).reshape(n_out, n_in)
            row = row @ W[k]                          # ∂z/∂a = W
            if k > 0:
                row = row @ np.diag((pres[k - 1] > 0).astype(np.float64))  # ∂ReLU/∂z
        return grads, row[0]

    return step


# [SECTION] PyTorch eager, float64, one thread
def torch_eager(state):
    import torch
    import torch.nn.functional as F

    torch.set_num_threads(1)
    W0 = [torch.tensor(w, dtype=torch.float64) for w in weights(state)]
    x0 = torch.tensor(state["input"], dtype=torch.float64)
    y = torch.tensor(state["label"], dtype=torch.float64)

    def step():
        W = [w.clone().requires_grad_(True) for w in W0]
        x = x0.clone().requires_grad_(True)
        a = x
        for k, w in enumerate(W):
            a = w @ a
            if k + 1 < len(W):
                a = torch.relu(a)
        loss = -(y * F.log_softmax(a, dim=0)).sum()
        loss.backward()
        return [w.grad for w in W], x.grad

    return step


def same(ref, grads):
    for g, r in zip(grads, ref):
        g = np.asarray(g, dtype=np.float64)
        if np.abs(g - r).max() > 1e-9 * max(np.abs(r).max(), 1e-300):
            return False
    return True


def main():
    states = lines([NATIVE, "--states"])
    native_lines = lines([NATIVE])
    native = {r["name"]: r["ns"] for r in native_lines}
    env = dict(os.environ, NODE_PATH="/usr/share/nodejs")
    wasm = {r["name"]: r["ns"] for r in json.loads("[" + ",".join(
        subprocess.run(["node", "--no-experimental-fetch", WASM], check=True, capture_output=True, text=True,
                       env=env).stdout.split("\n")[:-1]) + "]")}
    rows, notes = [], []
    for item in states:
        name, state = item["name"], item["state"]
        ref = json.loads(subprocess.run([os.path.join(ROOT, "build/native/backprop-cli"), "eval", "-"],
                                        input=json.dumps(state), check=True, capture_output=True, text=True).stdout)
        ref_grads = [np.array(ref["grad"]["autodiff"]["W%d" % k]) for k in range(len(weights(state)))]
        chain, eager = numpy_chain(state), torch_eager(state)
        if not same(ref_grads, chain()[0]):
            sys.exit(f"bench-compare: the NumPy chain disagrees with the engine on {name}")
        # PyTorch's s − y backward loses s_i − 1 where s saturates (the exercise): timed all the same
        if not same(ref_grads, [g.numpy() for g in eager()[0]]):
            notes.append(f"PyTorch's gradients differ from the engine's on {name} (its softmax backward s − y rounds)")
        rows.append((name, native[name], wasm[name], median_ns(eager), median_ns(chain)))

    import torch
    print(f"bench-compare, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {platform.machine()}, "
          f"{os.cpu_count()} cores, {platform.processor() or platform.platform()}; "
          f"torch {torch.__version__} (1 thread), numpy {np.__version__}")
    print("forward + backward, graph built each time, float64: median time per step, and × the native engine")
    head = f"{'network':<16} {'engine native':>14} {'engine wasm':>20} {'PyTorch eager':>22} {'NumPy chain':>22}"
    print(head)
    fmt = lambda ns: f"{ns / 1000:9.2f} µs" if ns >= 1000 else f"{ns:9.0f} ns"
    for name, n, w, t, c in rows:
        print(f"{name:<16} {fmt(n):>14} {fmt(w):>12} ({w / n:4.1f}×) {fmt(t):>12} ({t / n:6.1f}×) {fmt(c):>12} ({c / n:6.1f}×)")
    for note in notes:
        print("note:", note)
    print("training budgets: one SGD step (batch gradient + update), median wall time per step")
    for name, budget in [(r["name"], r["budget_ns"]) for r in native_lines if "budget_ns" in r]:
        n, w = native[name], wasm[name]
        verdict = lambda ns: "MET" if ns <= budget else "NOT MET"
        print(f"{name:<50} native {fmt(n):>12} ({verdict(n)})   wasm {fmt(w):>12} ({verdict(w)})   budget {fmt(budget)}")


if __name__ == "__main__":
    main()
