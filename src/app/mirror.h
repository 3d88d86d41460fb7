// The accessible mirror's data: what the canvas and the panels show, as plain text in one JSON
// snapshot, for the page's parallel DOM (#backprop-lab-text, web/mirror.js) that screen readers
// and keyboard users read. Numbers are written as on screen (bp::format_number: 7.781e-20), the
// notation as plain Unicode (ℓ for the loss, W₁ᵀ). No ImGui drawing here.
#pragma once
#include <string>

#include "app/app.h"

namespace app {

/// Changes whenever the snapshot would: the model's revision, the stepper's step, the selection,
/// the answers, the panel in front. Cheap: the page polls it and asks for mirror_json() only then.
std::string mirror_key(const App& app);

/// {"status", "errors": [...], "loss", "network": [{"name", "value"}], "nodes": [{"name", "value",
///  "grad"}], "gradients": [{"name", "value"}], "stepper": {"step", "steps", "phase", "formula"},
///  "selection": {"kind", "name", "factors": [{"name", "rule", "value", "product"}], "row"},
///  "agreement": [{"what", "ok", "text"}], "verdicts": [{"key", "cell", "ok", "text"}], "panel",
///  "hidden": ["network", "stepper", …] (the parts a course page hid)}
std::string mirror_json(App& app);


}  // namespace app
