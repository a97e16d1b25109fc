// Writes the benchmark handout's content twice: as the drawing commands HepDesk's layout
// produces (a dump for the bare-libharu floor) and as plain HTML + CSS with inline SVG figures
// (for wkhtmltopdf and Chromium). Same screening, exercises, strings and fonts as the CLI run.
#include "hepdesk/core/Assess.h"
#include "hepdesk/core/Catalog.h"
#include "hepdesk/core/ClinicalRules.h"
#include "hepdesk/core/JsonRead.h"
#include "hepdesk/core/Paths.h"
#include "hepdesk/core/handout/HandoutComposer.h"
#include "hepdesk/core/handout/HandoutWriter.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

namespace hd = hepdesk::handout;

namespace {

std::string rgb(const hd::Color& c) {
    std::ostringstream s;
    s << c.r / 255.0 << ' ' << c.g / 255.0 << ' ' << c.b / 255.0;
    return s.str();
}

/// Writes every command as one line for handout_floor.
class DumpPainter final : public hd::Painter {
public:
    explicit DumpPainter(std::ostream& out) : out_(out) {}
    void beginPage(double w, double h) override { out_ << "P " << w << ' ' << h << '\n'; }
    void drawText(const hd::TextRun& t) override {
        out_ << "T " << (t.face == hd::FontFace::Bold ? 1 : 0) << ' ' << t.size << ' ' << t.origin.x
             << ' ' << t.origin.y << ' ' << rgb(t.color) << ' ' << t.utf8 << '\n';
    }
    void drawLine(const hd::Line& l) override {
        path(false, l.stroke, std::nullopt, false, {l.from, l.to});
    }
    void drawPolyline(const hd::Polyline& p) override {
        path(p.fill.has_value(), p.stroke.value_or(hd::Stroke{}), p.fill, p.closed || p.fill,
             p.points);
    }
    void drawCircle(const hd::Circle& c) override {
        const hd::Stroke st = c.stroke.value_or(hd::Stroke{});
        out_ << "C " << c.fill.has_value() << ' ' << c.stroke.has_value() << ' ' << st.width << ' '
             << rgb(st.color) << ' ' << rgb(c.fill.value_or(hd::Color{})) << ' ' << c.center.x
             << ' ' << c.center.y << ' ' << c.radius << '\n';
    }
    void drawRect(const hd::Rect& r) override {
        const hd::Point a = r.topLeft;
        path(r.fill.has_value(), r.stroke.value_or(hd::Stroke{}), r.fill, true,
             {a, {a.x + r.width, a.y}, {a.x + r.width, a.y + r.height}, {a.x, a.y + r.height}},
             r.stroke.has_value());
    }
    void drawImage(const hd::Image&) override {}
    void endPage() override {}

private:
    void path(bool fill, const hd::Stroke& st, std::optional<hd::Color> fc, bool closed,
              const std::vector<hd::Point>& pts, bool stroke = true) {
        out_ << "S " << fill << ' ' << stroke << ' ' << st.width << ' ' << rgb(st.color) << ' '
             << rgb(fc.value_or(hd::Color{})) << ' ' << closed << ' ' << pts.size();
        for (const auto& p : pts) {
            out_ << ' ' << p.x << ' ' << p.y;
        }
        out_ << '\n';
    }
    std::ostream& out_;
};

std::string css(const hd::Color& c) {
    char b[16];
    std::snprintf(b, sizeof b, "#%02x%02x%02x", c.r, c.g, c.b);
    return b;
}

/// The figure commands as SVG elements.
std::string svg(const std::vector<hd::DrawCommand>& cmds, double w, double h) {
    std::ostringstream s;
    s << "<svg width=\"" << w << "pt\" height=\"" << h << "pt\" viewBox=\"0 0 " << w << ' ' << h
      << "\" stroke-linecap=\"round\" stroke-linejoin=\"round\">";
    const auto paint = [&](const std::optional<hd::Color>& f, const std::optional<hd::Stroke>& st) {
        s << " fill=\"" << (f ? css(*f) : "none") << "\"";
        if (st) {
            s << " stroke=\"" << css(st->color) << "\" stroke-width=\"" << st->width << "\"";
        }
    };
    for (const auto& c : cmds) {
        if (const auto* l = std::get_if<hd::Line>(&c)) {
            s << "<line x1=\"" << l->from.x << "\" y1=\"" << l->from.y << "\" x2=\"" << l->to.x
              << "\" y2=\"" << l->to.y << "\"";
            paint(std::nullopt, l->stroke);
            s << "/>";
        } else if (const auto* p = std::get_if<hd::Polyline>(&c)) {
            s << (p->closed || p->fill ? "<polygon" : "<polyline") << " points=\"";
            for (const auto& pt : p->points) {
                s << pt.x << ',' << pt.y << ' ';
            }
            s << "\"";
            paint(p->fill, p->stroke);
            s << "/>";
        } else if (const auto* ci = std::get_if<hd::Circle>(&c)) {
            s << "<circle cx=\"" << ci->center.x << "\" cy=\"" << ci->center.y << "\" r=\""
              << ci->radius << "\"";
            paint(ci->fill, ci->stroke);
            s << "/>";
        } else if (const auto* r = std::get_if<hd::Rect>(&c)) {
            s << "<rect x=\"" << r->topLeft.x << "\" y=\"" << r->topLeft.y << "\" width=\""
              << r->width << "\" height=\"" << r->height << "\"";
            paint(r->fill, r->stroke);
            s << "/>";
        }
    }
    s << "</svg>";
    return s.str();
}

std::string esc(const std::string& t) {
    std::string o;
    for (char c : t) {
        o += c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '&' ? "&amp;" : std::string(1, c);
    }
    return o;
}

std::string html(const hd::HandoutDocument& d, const hd::HandoutStrings& s,
                 const std::map<std::string, hd::Figure, std::less<>>& figures) {
    std::ostringstream h;
    h << "<!DOCTYPE html><html lang=\"" << d.lang << "\"><head><meta charset=\"utf-8\"><style>"
      << "@font-face{font-family:Noto;src:url('file://"
      << hepdesk::fontPath("NotoSans-Regular.ttf").string()
      << "')}@font-face{font-family:Noto;font-weight:bold;src:url('file://"
      << hepdesk::fontPath("NotoSans-Bold.ttf").string() << "')}"
      << "@page{size:A4;margin:46pt 50pt 64pt 50pt}body{font-family:Noto;font-size:12pt;"
         "line-height:1.32;color:#1a1a1a}h1,h2{color:#1f4e79}.ex{page-break-inside:avoid;"
         "display:flex;gap:16pt}.ex h3{background:#eaf1f7;padding:4pt}.figs{width:150pt}"
         ".care{background:#fff4e0;border-left:4pt solid #e0a030;padding:5pt}"
         ".er{background:#fdecea;border-left:4pt solid #c62828;padding:5pt}</style></head><body>";
    h << "<b>" << esc(d.clinic.name) << "</b><br>" << esc(d.clinic.address) << "<br>"
      << esc(s.text("phone")) << ' ' << esc(d.clinic.phone) << "<hr><h1>" << esc(s.text("title"))
      << "</h1><p><b>" << esc(s.text("patient")) << "</b> " << esc(d.patientName) << "<br><b>"
      << esc(s.text("date")) << "</b> " << esc(d.dateText) << "<br><b>" << esc(s.text("clinician"))
      << "</b> " << esc(d.clinic.clinicianName) << "</p><h2>" << esc(s.text("how_to_heading"))
      << "</h2><ul>";
    for (const auto& l : s.list("how_to")) {
        h << "<li>" << esc(l) << "</li>";
    }
    h << "</ul>";
    int n = 0;
    for (const auto& ex : d.exercises) {
        h << "<div style=\"page-break-inside:avoid\"><h3>" << ++n << ". " << esc(ex.name)
          << "</h3><div class=\"ex\"><div class=\"figs\">";
        if (const auto it = figures.find(ex.figureId); it != figures.end()) {
            for (const auto& p : it->second.poses) {
                std::vector<hd::DrawCommand> cmds;
                hd::drawPose(it->second, p, {3, 3}, 144, 90, cmds);
                h << svg(cmds, 150, 96) << "<br>";
            }
        }
        h << "</div><div><ol>";
        for (const auto& st : ex.steps) {
            h << "<li>" << esc(st) << "</li>";
        }
        h << "</ol><p><b>" << esc(s.text("how_much")) << "</b> " << esc(ex.dosage) << "</p>";
        for (const auto& c : ex.cautions) {
            h << "<p class=\"care\"><b>" << esc(s.text("caution")) << "</b> " << esc(c) << "</p>";
        }
        h << "</div></div></div>";
    }
    h << "<h2>" << esc(s.text("avoid_heading")) << "</h2><p>" << esc(s.text("avoid_intro"))
      << "</p><ul>";
    for (const auto& a : d.avoid) {
        h << "<li><b>" << esc(a.name) << ":</b> " << esc(a.why) << "</li>";
    }
    h << "</ul><h2>" << esc(s.text("stop_heading")) << "</h2><div class=\"er\"><b>"
      << esc(s.text("emergency_intro")) << "</b><ul>";
    for (const auto& l : s.list("emergency_signs")) {
        h << "<li>" << esc(l) << "</li>";
    }
    h << "</ul></div><div class=\"care\"><b>" << esc(s.text("urgent_intro")) << "</b><ul>";
    for (const auto& l : s.list("urgent_signs")) {
        h << "<li>" << esc(l) << "</li>";
    }
    h << "</ul></div><p style=\"margin-top:40pt\">______________________________ "
      << esc(s.text("signature")) << "</p></body></html>\n";
    return h.str();
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 6) {
        std::cerr << "usage: handout_bench_content SCREENING.json PATIENT OUT.dump OUT.html "
                     "EXERCISE...\n";
        return 2;
    }
    auto catalog = hepdesk::Catalog::loadDefault();
    auto rules = catalog ? hepdesk::ClinicalRules::loadDefault(*catalog)
                         : hepdesk::Result<hepdesk::ClinicalRules>(catalog.error());
    auto doc = hepdesk::json::parseFile(argv[1]);
    if (!catalog || !rules || !doc) {
        std::cerr << "cannot load catalog, rules or screening\n";
        return 1;
    }
    auto screening = hepdesk::screeningFromJson(*doc, argv[1]);
    auto assessment = screening ? hepdesk::assess(*screening, *rules, *catalog)
                                : hepdesk::Result<hepdesk::Assessment>(screening.error());
    auto writer = hd::HandoutWriter::load(hepdesk::templatesDir());
    if (!assessment || !writer) {
        std::cerr << (assessment ? writer.error().message : assessment.error().message) << '\n';
        return 1;
    }
    hd::HandoutRequest req;
    req.patientName = argv[2];
    req.sessionDate = screening->date;
    req.assessment = *assessment;
    req.findingIds = screening->findings;
    for (int i = 5; i < argc; ++i) {
        const hepdesk::CatalogEntry* e = catalog->find(argv[i]);
        if (e == nullptr) {
            std::cerr << "unknown exercise " << argv[i] << '\n';
            return 2;
        }
        req.program.items.push_back({argv[i], e->defaultDosage, ""});
    }
    auto laid = writer->layout(req, catalog->entries());
    if (!laid) {
        std::cerr << laid.error().message << '\n';
        return 1;
    }
    std::ofstream dump(argv[3]);
    dump.precision(6);
    DumpPainter painter(dump);
    hd::paintPages(laid->pages, painter);
    const hd::HandoutComposer composer(catalog->entries(), writer->figures(),
                                       *writer->strings("en"));
    auto content = composer.compose(req);
    std::ofstream(argv[4]) << html(*content, *writer->strings("en"), writer->figures());
    std::cout << laid->pages.size() << " pages\n";
    return 0;
}
