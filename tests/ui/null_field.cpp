// The shader views' pictures without GL, for the headless UI test: a Field is never ready, so
// the plane and the landscape say they are not drawn (the app's own fallback without shaders).
#include "app/field_renderer.h"

namespace app {

bool Field::init(Kind) { return false; }
void Field::shutdown() {}
void Field::request(FieldJob) {}
bool Field::wants(uint64_t) const { return false; }
void Field::advance(double) {}
void Field::finish(int) {}
std::vector<unsigned char> Field::read(int) const { return {}; }
void Field::upload_network(const bp::State&) {}
void Field::upload_samples(const std::vector<float>&, int, int) {}
void Field::set_int(const char*, int) {}
void Field::set_ivec3(const char*, const std::array<int, 3>&) {}
void Field::set_float(const char*, float) {}
void Field::set_vec2(const char*, float, float) {}
void Field::set_vec4(const char*, const std::array<float, 4>&) {}
void Field::set_vec3s(const char*, const float*, int) {}
void Field::set_vec4s(const char*, const float*, int) {}
std::string field_defines(const bp::State&, const FieldSwap*, bool) { return {}; }
bool field_params_in_uniforms(const bp::State&) { return false; }
std::string param_glsl(const bp::State&, int, long, long) { return {}; }
std::optional<bp::State> margin_network(const bp::State&) { return std::nullopt; }
float field_float(double v) { return static_cast<float>(v); }

}  // namespace app
