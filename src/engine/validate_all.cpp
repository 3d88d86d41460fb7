// validate_all: validate() again and again on a copy whose reported field is replaced by a valid
// value of the same shape (zeros; a one-hot label), until the copy passes or an error repeats a
// field (a shape error, which a same-shaped value cannot cure).
#include "engine/validate_all.h"

#include <string>

namespace bp {
namespace {

// "label[0]" → "label"
std::string field_base(const std::string& field) { return field.substr(0, field.find('[')); }

// the index k of "W<k>" / "b<k>", or -1
int layer_index(const std::string& field, char prefix, int layers) {
  if (field.size() < 2 || field[0] != prefix) return -1;
  for (size_t i = 1; i < field.size(); ++i)
    if (field[i] < '0' || field[i] > '9') return -1;
  const int k = std::stoi(field.substr(1));
  return k < layers ? k : -1;
}

// replaces `field` by a valid value of its shape; false when there is no such field
bool cure(State& s, const std::string& field) {
  if (field == "input") {
    s.input.setZero();
    return true;
  }
  if (field == "label") {
    s.label.setZero();
    if (s.head == Head::SoftmaxCE && s.label.size() > 0) s.label(0) = 1;
    return true;
  }
  if (const int k = layer_index(field, 'W', s.layers()); k >= 0) {
    s.weights[k].setZero();
    return true;
  }
  if (const int k = layer_index(field, 'b', s.layers()); k >= 0 && s.biases[k]) {
    s.biases[k]->setZero();
    return true;
  }
  return false;
}

}  // namespace

std::vector<Error> validate_all(const State& state) {
  std::vector<Error> errors;
  State s = state;
  while (auto e = validate(s)) {
    const std::string base = field_base(e->field);
    for (const Error& seen : errors)
      if (field_base(seen.field) == base) return errors;  // not curable by a value: a shape error
    errors.push_back(*e);
    if (!cure(s, base)) break;
  }
  return errors;
}

}  // namespace bp
