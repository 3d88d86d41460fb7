// ImGui's user config for the headless UI test only: a failed IM_ASSERT is recorded (and fails
// the test) instead of aborting or, in a release build, being ignored.
#pragma once

namespace ui_test {
void imgui_assert_failed(const char* expression, const char* file, int line);
}
#define IM_ASSERT(_EXPR) ((_EXPR) ? (void)0 : ui_test::imgui_assert_failed(#_EXPR, __FILE__, __LINE__))
