// The embedding parameters (location.search): every parameter, its bad values as notices naming
// the parameter, percent-decoding, origins normalised as the browser writes event.origin.
#include "app/logic/embed_params.h"

#include <string>

#include <doctest/doctest.h>

using app::logic::EmbedParams;
using app::logic::Lock;
using app::logic::parse_embed_params;
using app::logic::parse_origin;
using app::logic::Part;

namespace {

std::string notices(const EmbedParams& p) {
  std::string out;
  for (const bp::Error& e : p.notices) out += e.line() + "\n";
  return out;
}

}  // namespace

TEST_CASE("embed params: none given is the plain app") {
  for (const char* q : {"", "?", "&&", "?&"}) {
    const EmbedParams p = parse_embed_params(q);
    CHECK(p.hidden == 0);
    CHECK(p.lock == Lock::None);
    CHECK(p.tab.empty());
    CHECK(!p.scale);
    CHECK(!p.light);
    CHECK(!p.flow);
    CHECK(p.origins.empty());
    CHECK(p.notices.empty());
  }
}

TEST_CASE("embed params: every parameter of a course page") {
  const EmbedParams p = parse_embed_params(
      "?hide=network,Results,%20status&lock=1&tab=inspector&select=s/O&scale=150&theme=light&flow=1"
      "&origin=https%3A%2F%2Fcourse.example.edu&origin=http://127.0.0.1:8000,http://localhost:9000/");
  CHECK(notices(p) == "");
  CHECK(p.hides(Part::Network));
  CHECK(p.hides(Part::Results));
  CHECK(p.hides(Part::Status));
  CHECK(!p.hides(Part::Inspector));
  CHECK(!p.hides(Part::Sheet));
  CHECK(!p.hides(Part::Toolbar));
  CHECK(p.lock == Lock::Network);
  CHECK(p.tab == "inspector");
  CHECK(p.select_of == "s");
  CHECK(p.select_wrt == "O");
  CHECK(*p.scale == doctest::Approx(1.5));
  CHECK(*p.light);
  CHECK(p.flow);
  CHECK(p.origins == std::vector<std::string>{"https://course.example.edu", "http://127.0.0.1:8000", "http://localhost:9000"});
}

TEST_CASE("embed params: each part hides alone, and a node selection has no wrt") {
  for (int i = 0; i < app::logic::kPartCount; ++i) {
    const Part part = static_cast<Part>(i);
    const EmbedParams p = parse_embed_params("hide=" + std::string(app::logic::part_name(part)));
    CHECK(p.notices.empty());
    CHECK(p.hidden == (1u << i));
  }
  const EmbedParams p = parse_embed_params("select=W0&lock=all&theme=dark&flow=0&lock");
  CHECK(p.select_of == "W0");
  CHECK(p.select_wrt.empty());
  CHECK(p.lock == Lock::Network);  // the last lock wins: a bare "lock" is lock=1
  CHECK(notices(p) == "error: lock: given more than once; the last one is used\n");
  CHECK(!*p.light);
  CHECK(!p.flow);
  CHECK(parse_embed_params("lock=all").lock == Lock::All);
  CHECK(parse_embed_params("lock=0").lock == Lock::None);
}

TEST_CASE("embed params: bad values are notices naming the parameter and the reason") {
  CHECK(notices(parse_embed_params("hide=netwrk")) ==
        "error: hide: \"netwrk\" is not a panel; known: network, results, inspector, explainer, sheet, stepper, status, toolbar, train\n");
  CHECK(notices(parse_embed_params("hide=graph")) == "error: hide: the graph cannot be hidden (it is the app)\n");
  CHECK(notices(parse_embed_params("lock=maybe")) == "error: lock: \"maybe\" is not 1, 0 or all\n");
  CHECK(notices(parse_embed_params("tab=plot")) ==
        "error: tab: \"plot\" is not a panel; known: graph, network, results, inspector, explainer, sheet, train\n");
  CHECK(notices(parse_embed_params("scale=300")) == "error: scale: \"300\" is not a whole percentage from 100 to 250\n");
  for (const char* bad : {"scale=", "scale=99", "scale=1.5", "scale=-150", "scale=150px", "scale=%2B150", "scale=99999999999"})
    CHECK(parse_embed_params(bad).notices.size() == 1);
  CHECK(notices(parse_embed_params("theme=blue")) == "error: theme: \"blue\" is not light or dark\n");
  CHECK(notices(parse_embed_params("flow=fast")) == "error: flow: \"fast\" is not 1 or 0\n");
  CHECK(notices(parse_embed_params("select=s/")) == "error: select: \"s/\" is not a node (select=W0) or an edge (select=s/O)\n");
  CHECK(parse_embed_params("select=a/b/c").notices.size() == 1);
  CHECK(notices(parse_embed_params("scael=150")) == "error: scael: unknown parameter, ignored; did you mean \"scale\"?\n");
  CHECK(notices(parse_embed_params("colour=red")) ==
        "error: colour: unknown parameter, ignored; known: hide, lock, tab, select, scale, theme, flow, origin, lang\n");
  CHECK(notices(parse_embed_params("lang=fr")) == "error: lang: \"fr\" is not en or ko\n");
  CHECK(parse_embed_params("lang=KO").lang == "ko");  // the UI's language at start (app/embed.cpp)
  CHECK(parse_embed_params("lang=en").lang == "en");
  CHECK(parse_embed_params("").lang.empty());
  // the good parameters still apply
  const EmbedParams p = parse_embed_params("theme=blue&scale=200&hide=nope,sheet");
  CHECK(*p.scale == doctest::Approx(2.0));
  CHECK(p.hides(Part::Sheet));
  CHECK(p.notices.size() == 2);
}

TEST_CASE("embed params: a hidden start tab is a notice; the graph comes first") {
  const EmbedParams p = parse_embed_params("hide=sheet&tab=sheet");
  CHECK(p.tab.empty());
  CHECK(notices(p) == "error: tab: \"sheet\" is hidden (hide=sheet); the graph is in front instead\n");
  CHECK(parse_embed_params("hide=sheet&tab=graph").notices.empty());
}

TEST_CASE("embed params: hostile queries stay a few short lines") {
  std::string flood;
  for (int i = 0; i < 1000; ++i) flood += "x" + std::to_string(i) + "=1&";
  const EmbedParams p = parse_embed_params(flood);
  REQUIRE(p.notices.size() == app::logic::kMaxNotices + 1);
  CHECK(p.notices.back().line() == "error: parameters: 996 more problems not shown; check the page's URL");
  const EmbedParams long_value = parse_embed_params("theme=" + std::string(10000, 'a'));
  REQUIRE(long_value.notices.size() == 1);
  CHECK(long_value.notices[0].line().size() < 120);
  // a percent escape of a newline or a bad UTF-8 byte is shown escaped, on one line
  const std::string line = parse_embed_params("tab=%0A%FF%").notices.at(0).line();
  CHECK(line.find('\n') == std::string::npos);
  CHECK(line == "error: tab: \"\\n\\xff%\" is not a panel; known: graph, network, results, inspector, explainer, sheet, train");
}

TEST_CASE("embed params: origins as the browser writes event.origin") {
  CHECK(parse_origin("HTTPS://Course.Example.EDU/").value() == "https://course.example.edu");
  CHECK(parse_origin("http://localhost:80").value() == "http://localhost");
  CHECK(parse_origin("https://x.org:443").value() == "https://x.org");
  CHECK(parse_origin("http://127.0.0.1:08000").value() == "http://127.0.0.1:8000");
  CHECK(parse_origin("http://[::1]:8000").value() == "http://[::1]:8000");
  for (const char* bad : {"", "course.example.edu", "ftp://x.org", "https://", "https://x.org/path", "https://x.org?q",
                          "https://u@x.org", "https://x.org:0", "https://x.org:70000", "https://x.org:", "https://.x",
                          "http://[::1", "javascript:alert(1)"})
    CHECK_MESSAGE(!parse_origin(bad), bad);
  CHECK(parse_origin("*").error().reason == "\"*\" would answer any page; name the host page's origin");
  const EmbedParams p = parse_embed_params("origin=*&origin=https://a.org,https://a.org/,,https://b.org");
  CHECK(p.origins == std::vector<std::string>{"https://a.org", "https://b.org"});
  CHECK(notices(p) == "error: origin: \"*\" would answer any page; name the host page's origin\n");
}
