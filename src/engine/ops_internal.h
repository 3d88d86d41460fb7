// The per-family rule tables that ops.cpp gathers into one table (not part of the public API).
#pragma once
#include "engine/ops.h"

namespace bp::detail {
template <typename T> OpRule<T> matvec_rule();
template <typename T> OpRule<T> add_rule();
template <typename T> OpRule<T> activation_rule(OpKind kind);
template <typename T> OpRule<T> softmax_rule();
template <typename T> OpRule<T> log_softmax_rule();
template <typename T> OpRule<T> cross_entropy_rule();
template <typename T> OpRule<T> softmax_cross_entropy_rule();
template <typename T> OpRule<T> mse_rule();
}  // namespace bp::detail
