// One table of op rules per scalar type, indexed by OpKind.
#include "engine/ops.h"

#include "engine/ops_internal.h"

namespace bp {

template <typename T>
const OpRule<T>& op_rule(OpKind kind) {
  using namespace detail;
  static const std::array<OpRule<T>, kOpCount> table = {
      matvec_rule<T>(),
      add_rule<T>(),
      activation_rule<T>(OpKind::Relu),
      activation_rule<T>(OpKind::LeakyRelu),
      activation_rule<T>(OpKind::Sigmoid),
      activation_rule<T>(OpKind::Tanh),
      activation_rule<T>(OpKind::Identity),
      softmax_rule<T>(),
      log_softmax_rule<T>(),
      cross_entropy_rule<T>(),
      softmax_cross_entropy_rule<T>(),
      mse_rule<T>(),
  };
  return table[static_cast<int>(kind)];
}

const char* op_name(OpKind kind) { return op_rule<double>(kind).name; }

template const OpRule<double>& op_rule<double>(OpKind);
template const OpRule<float>& op_rule<float>(OpKind);

}  // namespace bp
