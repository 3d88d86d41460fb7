// getView() and select(of, wrt) / selectNode(name): the JS API's contract.
#include <nlohmann/json.hpp>

#include "app/logic/view_json.h"
#include "app_test_util.h"

using namespace app::logic;

TEST_CASE("getView: idle, then mid-backward with an edge selected, then done with a node selected") {
  Stepper st;
  st.rebuild(test::from_report(test::exercise()));
  Selection sel;
  CHECK(view_json(st, sel) ==
        R"({"phase":"idle","step":0,"steps":12,"playing":false,"selected":null,"formula":""})");

  st.seek(10);
  CHECK(select_edge(sel, st.graph(), "s", "O") == "");
  st.play();
  const nlohmann::json v = nlohmann::json::parse(view_json(st, sel));
  CHECK(v["phase"] == "backward");
  CHECK(v["step"] == 10);
  CHECK(v["steps"] == 12);
  CHECK(v["playing"] == true);
  CHECK(v["selected"] == nlohmann::json{{"of", "s"}, {"wrt", "O"}});
  CHECK(v["formula"] == "∇_h l = ∇_L l ⊙ 1[h>0] = [3.112e-19, −3.112e-19] ⊙ [1, 1] = [3.112e-19, −3.112e-19]");

  st.seek(12);
  CHECK(select_node(sel, st.graph(), "W1") == "");
  const nlohmann::json done = nlohmann::json::parse(view_json(st, sel));
  CHECK(done["phase"] == "done");
  CHECK(done["playing"] == false);
  CHECK(done["selected"] == nlohmann::json{{"node", "W1"}});

  st.seek(3);
  CHECK(nlohmann::json::parse(view_json(st, sel))["phase"] == "forward");
  CHECK(nlohmann::json::parse(view_json(st, sel))["formula"] == "O = W1·L = [−33, 11]");
}

TEST_CASE("select: an error line naming the field, and the selection unchanged") {
  const GraphSnapshot g = test::from_report(test::exercise());
  Selection sel = Selection::edge("l", "O");
  CHECK(select_edge(sel, g, "x", "O") ==
        R"(error: of: no node named "x"; the graph has I, W0, h, L, W1, O, label, s, l)");
  CHECK(select_edge(sel, g, "s", "Q").rfind(R"(error: wrt: no node named "Q")", 0) == 0);
  CHECK(select_edge(sel, g, "O", "W0") == R"(error: wrt: "W0" is not an input of "O"; its inputs are W1, L)");
  CHECK(select_edge(sel, g, "W0", "I") == R"(error: wrt: "I" is not an input of "W0", a leaf with no inputs)");
  CHECK(select_node(sel, g, "W9").rfind(R"(error: node: no node named "W9")", 0) == 0);
  CHECK(sel == Selection::edge("l", "O"));
  // every edge of the graph can be selected, constants included (∂l/∂label exists)
  for (const SnapshotEdge& e : g.edges) CHECK(check_edge(g, g.nodes[e.to].name, g.nodes[e.from].name) == "");
  for (const SnapshotNode& n : g.nodes) CHECK(check_node(g, n.name) == "");
  // empty names clear
  CHECK(select_node(sel, g, "") == "");
  CHECK(sel.kind == Selection::Kind::None);
  sel = Selection::node_named("h");
  CHECK(select_edge(sel, g, "", "") == "");
  CHECK(sel == Selection::none());
}

TEST_CASE("a selection that the edited network no longer has is dropped") {
  const GraphSnapshot plain = test::from_report(test::exercise());
  const GraphSnapshot biased = test::from_report(test::with_biases(test::exercise()));
  Selection sel = Selection::edge("O", "W1");
  CHECK_FALSE(drop_stale_selection(sel, plain));
  CHECK(drop_stale_selection(sel, biased));  // O = W1·L + b1 now
  CHECK(sel.kind == Selection::Kind::None);
  sel = Selection::node_named("b0");
  CHECK_FALSE(drop_stale_selection(sel, biased));
  CHECK(drop_stale_selection(sel, plain));
}

TEST_CASE("getView with the canvas: zoom, the graph area on the page, the part of the graph in view") {
  Stepper st;
  st.rebuild(test::from_report(test::exercise()));
  CanvasInfo c;
  c.zoom = 0.75;
  c.screen = {340, 0, 600, 700};
  c.visible = {-10, -20, 800, 933.5};
  c.auto_fit = false;
  c.flow = true;
  const nlohmann::json v = nlohmann::json::parse(view_json(st, Selection::none(), &c));
  CHECK(v["zoom"] == 0.75);
  CHECK(v["canvas"] == nlohmann::json{{"x", 340}, {"y", 0}, {"w", 600}, {"h", 700}});
  CHECK(v["visible"] == nlohmann::json{{"x", -10}, {"y", -20}, {"w", 800}, {"h", 933.5}});
  CHECK(v["autoFit"] == false);
  CHECK(v["flow"] == true);
  CHECK(v["phase"] == "idle");  // the stepper's keys come first, as without the canvas
  CHECK(view_json(st, Selection::none()).find("zoom") == std::string::npos);
}
