// The training set's mean loss and its exact gradient, without a graph: the same forward and VJP
// rules as the graph's ops (op_rule), applied to a whole batch at once. Samples are the columns of
//   X = [x_1 … x_N],  Z_k = W_k·A_{k−1} (+ b_k),  A_k = f(Z_k),  A_{−1} = X,  O = Z_{K−1}
// so W·X runs as one matrix product; the head (softmax-CE, naive CE, MSE) runs per column, with
// the seed ∂l_j/∂l_j = 1 as the graph's. Then, back from O:
//   ∂/∂W_k = G_k·A_{k−1}ᵀ (the sum over samples),  ∂/∂b_k = Σ_j G_k[:, j],  G_{k−1} = f'(Z_{k−1}) ⊙ W_kᵀ G_k
// and the sums are divided by N (the loss is the mean). With one sample every product is the
// graph's own matrix-vector product and nothing is summed, so the result is evaluate()'s autodiff
// bit for bit. Scratch matrices live per thread and are reused: a training step allocates only
// its result once the shapes are known.
#include <type_traits>

#include "engine/network.h"
#include "engine/training.h"

namespace bp {
namespace {

template <typename T>
struct Scratch {
  std::vector<Mat<T>> W;      // weights in precision T (float only; f64 reads the state's)
  std::vector<const Mat<T>*> W_used;
  Mat<T> X, Y;                // inputs and labels, one column per sample
  std::vector<Mat<T>> Z, A;   // pre-activations and activations per layer
  std::vector<Mat<T>> G;      // ∂l/∂Z_k
  Mat<T> dW, dX;              // ∂l/∂W_k and ∂l/∂A_{k−1} (∂l/∂X at the end)
  Mat<T> o, y, s, l, g_s, g_o, seed;  // one sample's head
};

template <typename T>
Scratch<T>& scratch() {
  thread_local Scratch<T> s;
  return s;
}

// The state's parameter in T: the state's own matrix in f64, a converted copy in f32.
template <typename T>
const Mat<T>& as_t(const Eigen::MatrixXd& m, Mat<T>& store) {
  if constexpr (std::is_same_v<T, double>) {
    return m;
  } else {
    store = in_precision<T>(m);
    return store;
  }
}

// a state's vector into column j of out (f64: a plain copy into the existing storage)
template <typename T>
void set_column(Mat<T>& out, Eigen::Index j, const Eigen::VectorXd& v) {
  if constexpr (std::is_same_v<T, double>) out.col(j) = v;
  else out.col(j) = in_precision<T>(v).col(0);
}

template <typename T>
void fill_columns(Mat<T>& out, const State& state, bool labels) {
  const Eigen::VectorXd& first = labels ? state.label : state.input;
  const Eigen::Index N = state.dataset.empty() ? 1 : static_cast<Eigen::Index>(state.dataset.size());
  out.resize(first.size(), N);
  if (state.dataset.empty()) return set_column(out, 0, first);
  for (Eigen::Index j = 0; j < N; ++j) {
    const Sample& sample = state.dataset[static_cast<size_t>(j)];
    set_column(out, j, labels ? sample.label : sample.input);
  }
}

template <typename T>
Args<T> args(const Mat<T>& a, const Mat<T>* b = nullptr) {
  Args<T> x;
  x.x = {&a, b, nullptr};
  x.n = b ? 2 : 1;
  return x;
}

// One sample's head: its loss, and ∂l/∂O into sc.g_o (O in sc.o, its label in sc.y).
template <typename T>
T head_pass(const State& state, Derivatives d, Scratch<T>& sc) {
  sc.seed.setConstant(1, 1, T(1));  // ∂l/∂l = 1
  sc.g_o.setZero(sc.o.rows(), 1);
  if (state.head == Head::Mse) {
    const OpRule<T>& mse = op_rule<T>(OpKind::Mse);
    mse.forward(args(sc.o, &sc.y), sc.l);
    mse.vjp(args(sc.o, &sc.y), sc.l, sc.seed, 0, d, sc.g_o);
  } else if (state.loss_form == LossForm::Naive) {  // l = CE(softmax(O)): back through s
    const OpRule<T>& softmax = op_rule<T>(OpKind::Softmax);
    const OpRule<T>& ce = op_rule<T>(OpKind::CrossEntropy);
    softmax.forward(args(sc.o), sc.s);
    ce.forward(args(sc.s, &sc.y), sc.l);
    sc.g_s.setZero(sc.s.rows(), 1);
    ce.vjp(args(sc.s, &sc.y), sc.l, sc.seed, 0, d, sc.g_s);
    softmax.vjp(args(sc.o), sc.s, sc.g_s, 0, d, sc.g_o);
  } else {
    const OpRule<T>& sce = op_rule<T>(OpKind::SoftmaxCrossEntropy);
    sce.forward(args(sc.o, &sc.y), sc.l);
    sce.vjp(args(sc.o, &sc.y), sc.l, sc.seed, 0, d, sc.g_o);
  }
  return sc.l(0);
}

template <typename T>
BatchGradient run(const State& state, bool with_input) {
  Scratch<T>& sc = scratch<T>();
  const int K = state.layers();
  const Derivatives d = state.softmax_backward == SoftmaxBackward::Exact ? Derivatives::Exact : Derivatives::Textbook;
  const OpRule<T>& matvec = op_rule<T>(OpKind::MatVec);
  const OpRule<T>& act = op_rule<T>(activation_op(state.activation));
  sc.W.resize(K), sc.Z.resize(K), sc.A.resize(K), sc.G.resize(K);

  fill_columns(sc.X, state, false);
  fill_columns(sc.Y, state, true);
  const Eigen::Index N = sc.X.cols();

  // forward
  std::vector<const Mat<T>*>& W = sc.W_used;
  W.resize(K);
  for (int k = 0; k < K; ++k) {
    W[k] = &as_t<T>(state.weights[k], sc.W[k]);
    const Mat<T>& x = k == 0 ? sc.X : sc.A[k - 1];
    matvec.forward(args(*W[k], &x), sc.Z[k]);
    if (const auto& b = state.biases[k]) {  // the add op, per column
      if constexpr (std::is_same_v<T, double>) sc.Z[k].colwise() += *b;
      else sc.Z[k].colwise() += in_precision<T>(*b).col(0);
    }
    if (k + 1 < K) act.forward(args(sc.Z[k]), sc.A[k]);
  }

  // the head, sample by sample
  BatchGradient out;
  out.sample_losses.resize(static_cast<size_t>(N));
  Mat<T>& G_out = sc.G[K - 1];
  G_out.resize(sc.Z[K - 1].rows(), N);
  T total = 0;
  for (Eigen::Index j = 0; j < N; ++j) {
    sc.o = sc.Z[K - 1].col(j);
    sc.y = sc.Y.col(j);
    const T l = head_pass(state, d, sc);
    out.sample_losses[static_cast<size_t>(j)] = static_cast<double>(l);
    total += l;
    G_out.col(j) = sc.g_o;
  }
  out.loss = static_cast<double>(total / T(N));

  // backward, from O to W0; grads in trained_parameters' order (W0, b0, W1, …, I)
  out.grads.resize(trained_parameter_count(state, with_input));
  // index of W_k's gradient in out.grads (its bias follows it)
  std::vector<size_t> at(K);
  for (int k = 1; k < K; ++k) at[k] = at[k - 1] + (state.biases[k - 1] ? 2 : 1);
  for (int k = K - 1; k >= 0; --k) {
    const Mat<T>& x = k == 0 ? sc.X : sc.A[k - 1];
    sc.dW.setZero(W[k]->rows(), W[k]->cols());
    matvec.vjp(args(*W[k], &x), sc.Z[k], sc.G[k], 0, d, sc.dW);  // ∂l/∂W = G xᵀ
    out.grads[at[k]] = (sc.dW / T(N)).template cast<double>();
    if (state.biases[k]) out.grads[at[k] + 1] = (sc.G[k].rowwise().sum() / T(N)).template cast<double>();  // ∂l/∂b = Σ G
    if (k == 0 && !with_input) break;
    sc.dX.setZero(x.rows(), N);
    matvec.vjp(args(*W[k], &x), sc.Z[k], sc.G[k], 1, d, sc.dX);  // ∂l/∂x = Wᵀ G
    if (k == 0) break;
    sc.G[k - 1].setZero(sc.Z[k - 1].rows(), N);
    act.vjp(args(sc.Z[k - 1]), sc.A[k - 1], sc.dX, 0, d, sc.G[k - 1]);  // ⊙ f'(Z)
  }
  if (with_input) {
    // with a dataset, I is only the sample on show: the training loss does not depend on it
    if (state.dataset.empty()) out.grads.back() = (sc.dX / T(N)).template cast<double>();
    else out.grads.back() = Eigen::MatrixXd::Zero(state.input.size(), 1);
  }
  return out;
}

}  // namespace

BatchGradient batch_gradient(const State& state, bool with_input) {
  return state.precision == Precision::F32 ? run<float>(state, with_input) : run<double>(state, with_input);
}

}  // namespace bp
