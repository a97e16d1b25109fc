#include "hepdesk/core/handout/HandoutLayout.h"

#include <algorithm>
#include <cmath>

namespace hepdesk::handout {
namespace {

constexpr Color kText{26, 26, 26}, kHeading{31, 78, 121}, kMuted{90, 90, 90}, kBand{234, 241, 247},
    kCautionFill{255, 244, 224}, kCautionBar{224, 160, 48}, kEmergencyFill{253, 236, 234},
    kEmergencyBar{198, 40, 40}, kRule{170, 170, 170};

/// Sizes of one print style, in points.
struct Style {
    double body, small, title, heading, exercise, leading, margin, top, bottom, paraGap, sectionGap,
        figureW, figureH, logoW, logoH;
};

constexpr Style kStandard{12, 9.5, 20, 15, 14, 1.32, 50, 46, 64, 5, 16, 150, 96, 120, 56};
constexpr Style kLarge{18, 14, 26, 22, 20, 1.5, 56, 50, 84, 12, 26, 210, 135, 150, 70};

/// Content of some height whose commands use y relative to the row's top (x is absolute).
struct Row {
    double height = 0;
    /// How far the drawing reaches below the row's top when more than `height`: a figure
    /// beside the lines that follow it must fit on the row's page too.
    double extent = 0;
    /// The next row is this paragraph's next line and stays on the same page.
    bool joinNext = false;
    std::vector<DrawCommand> cmds;
    [[nodiscard]] double reach() const { return std::max(height, extent); }
};

/// Rows the paginator places together when it can.
struct Group {
    std::vector<Row> rows;
    std::string blockId;       ///< exercise blocks: recorded in the result
    bool keepTogether = false; ///< move to the next page rather than split (when it fits one)
    bool keepWithNext = false; ///< headings: never the last thing on a page
    /// The signature: never alone on a page, its first row sits with the last row before it.
    bool keepWithPrevious = false;
    std::size_t keepHead = 1; ///< rows at the start that stay on one page (title, first lines)
    std::size_t keepTail = 1; ///< rows at the end that stay on one page (no lone last line)
    /// When the group breaks across pages, the next page opens with this title, "continued".
    std::string continuedTitle;
    bool pageBreakBefore = false;
    double gapBefore = 0;
    [[nodiscard]] double height() const {
        double h = 0;
        for (const Row& r : rows) {
            h += r.height;
        }
        return h;
    }
};

struct Shift {
    double dy;
    void operator()(TextRun& c) const { c.origin.y += dy; }
    void operator()(Line& c) const {
        c.from.y += dy;
        c.to.y += dy;
    }
    void operator()(Polyline& c) const {
        for (Point& p : c.points) {
            p.y += dy;
        }
    }
    void operator()(Circle& c) const { c.center.y += dy; }
    void operator()(Rect& c) const { c.topLeft.y += dy; }
    void operator()(Image& c) const { c.topLeft.y += dy; }
};

void append(std::vector<DrawCommand>& to, std::vector<DrawCommand> cmds, double dy) {
    for (DrawCommand& c : cmds) {
        std::visit(Shift{dy}, c);
        to.push_back(std::move(c));
    }
}

/// Whether any of `cmds` draws into `area` (a line within half its width, a shape's edge or
/// inside): where a label can go without covering the picture.
bool drawsInto(const std::vector<DrawCommand>& cmds, const Rect& area) {
    const auto hits = [&](Point p, double pad) {
        return p.x >= area.topLeft.x - pad && p.x <= area.topLeft.x + area.width + pad &&
               p.y >= area.topLeft.y - pad && p.y <= area.topLeft.y + area.height + pad;
    };
    const auto segment = [&](Point a, Point b, double pad) {
        const double len = std::hypot(b.x - a.x, b.y - a.y);
        const int steps = static_cast<int>(len / 0.5) + 1;
        for (int i = 0; i <= steps; ++i) {
            const double t = static_cast<double>(i) / steps;
            if (hits({a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t}, pad)) {
                return true;
            }
        }
        return false;
    };
    const Point centre{area.topLeft.x + area.width / 2, area.topLeft.y + area.height / 2};
    for (const DrawCommand& c : cmds) {
        if (const auto* l = std::get_if<Line>(&c)) {
            if (segment(l->from, l->to, l->stroke.width / 2)) {
                return true;
            }
        } else if (const auto* pl = std::get_if<Polyline>(&c)) {
            const double pad = pl->stroke ? pl->stroke->width / 2 : 0;
            const std::size_t n = pl->points.size();
            for (std::size_t i = 0; i + 1 < n + (pl->closed ? 1 : 0); ++i) {
                if (segment(pl->points[i], pl->points[(i + 1) % n], pad)) {
                    return true;
                }
            }
            bool in = false; // the area's centre inside a filled shape
            for (std::size_t i = 0, j = n - 1; pl->fill && pl->closed && i < n; j = i++) {
                const Point a = pl->points[i], b = pl->points[j];
                if ((a.y > centre.y) != (b.y > centre.y) &&
                    centre.x < (b.x - a.x) * (centre.y - a.y) / (b.y - a.y) + a.x) {
                    in = !in;
                }
            }
            if (in) {
                return true;
            }
        } else if (const auto* ci = std::get_if<Circle>(&c)) {
            const double nx = std::clamp(ci->center.x, area.topLeft.x, area.topLeft.x + area.width);
            const double ny =
                std::clamp(ci->center.y, area.topLeft.y, area.topLeft.y + area.height);
            const double pad = ci->stroke ? ci->stroke->width / 2 : 0;
            if (std::hypot(ci->center.x - nx, ci->center.y - ny) <= ci->radius + pad) {
                return true;
            }
        } else if (const auto* r = std::get_if<Rect>(&c)) {
            if (r->topLeft.x <= area.topLeft.x + area.width &&
                r->topLeft.x + r->width >= area.topLeft.x &&
                r->topLeft.y <= area.topLeft.y + area.height &&
                r->topLeft.y + r->height >= area.topLeft.y) {
                return true;
            }
        } else {
            return true; // text or an image: never covered
        }
    }
    return false;
}

/// Lays out text and pictures for one document with one style.
class Builder {
public:
    Builder(const FontPair& f, const HandoutStrings& s,
            const std::map<std::string, Figure, std::less<>>& figs, const HandoutDocument& d)
        : fonts(f), str(s), figures(figs), doc(d), st(d.largePrint ? kLarge : kStandard) {
        pageW = d.paper == HandoutOptions::Paper::A4 ? 595.28 : 612;
        pageH = d.paper == HandoutOptions::Paper::A4 ? 841.89 : 792;
        contentW = pageW - 2 * st.margin;
        bodyH = pageH - st.bottom - st.top;
    }

    /// Layout version 2 and later: pages fill, long blocks continue (see HandoutOptions).
    [[nodiscard]] bool paged() const { return doc.layoutVersion >= 2; }
    /// Layout version 3 and later: a large-print exercise continues on the next page after
    /// its title, pictures and first step; the pictures are the standard ones scaled as the
    /// text is.
    [[nodiscard]] bool v3() const { return doc.layoutVersion >= 3; }
    /// Version 3 large print: tighter space around an exercise's title and pictures.
    [[nodiscard]] bool tight() const { return v3() && doc.largePrint; }

    /// Wrapped text as one row per line at x, width w.
    std::vector<Row> text(const std::vector<Span>& spans, double size, double x, double w,
                          Color color = kText) const {
        std::vector<Row> rows;
        const double lineH = size * st.leading;
        const double asc = fonts.regular->ascent(size), desc = fonts.regular->descent(size);
        const double baseline = (lineH - asc - desc) / 2 + asc;
        for (WrappedLine& l : wrapText(spans, size, w, fonts)) {
            Row r;
            r.height = lineH;
            for (PlacedRun& run : l.runs) {
                r.cmds.emplace_back(
                    TextRun{{x + run.x, baseline}, run.face, size, color, std::move(run.text)});
            }
            rows.push_back(std::move(r));
        }
        // A short paragraph never breaks; a long one leaves at least two lines on each page.
        const std::size_t n = rows.size();
        for (std::size_t i = 0; i + 1 < n; ++i) {
            rows[i].joinNext = n <= 4 || i < 1 || i + 2 >= n;
        }
        return rows;
    }

    /// Many rows stacked into one (for blocks that never split).
    static Row stack(const std::vector<Row>& rows, double gapAfterEach = 0) {
        Row out;
        for (const Row& r : rows) {
            append(out.cmds, r.cmds, out.height);
            out.height += r.height + gapAfterEach;
        }
        return out;
    }

    /// A numbered or bulleted item: the marker, then text with a hanging indent.
    std::vector<Row> item(const std::string& marker, const std::vector<Span>& spans, double size,
                          double x, double w, Color color = kText) const {
        const double indent = fonts.bold->textWidth("00.", size) + size * 0.5;
        std::vector<Row> rows = text(spans, size, x + indent, w - indent, color);
        if (!rows.empty()) {
            const double lineH = size * st.leading;
            const double asc = fonts.regular->ascent(size), desc = fonts.regular->descent(size);
            rows[0].cmds.insert(
                rows[0].cmds.begin(),
                TextRun{{x, (lineH - asc - desc) / 2 + asc}, FontFace::Bold, size, color, marker});
        }
        return rows;
    }

    /// Rows on a tinted box with a bar at the left (cautions, emergency signs).
    Row boxed(const std::vector<Row>& inner, double x, double w, Color fill, Color bar) const {
        const double pad = st.body * 0.45;
        Row body = stack(inner);
        Row out;
        out.height = body.height + 2 * pad;
        out.cmds.emplace_back(Rect{{x, 0}, w, out.height, fill, std::nullopt});
        out.cmds.emplace_back(Rect{{x, 0}, st.body * 0.3, out.height, bar, std::nullopt});
        append(out.cmds, std::move(body.cmds), pad);
        return out;
    }

    /// Like boxed(), but a box taller than most of a page becomes several boxes, one below
    /// the other, so the paginator can continue it on the next page instead of cutting it.
    std::vector<Row> boxes(const std::vector<Row>& inner, double x, double w, Color fill,
                           Color bar) const {
        if (!paged()) {
            return {boxed(inner, x, w, fill, bar)};
        }
        std::vector<Row> out, part;
        const double limit = bodyH - 2 * st.body; // only what no page could hold
        double h = 0;
        for (const Row& r : inner) {
            if (!part.empty() && h + r.height > limit) {
                out.push_back(boxed(part, x, w, fill, bar));
                part.clear();
                h = 0;
            }
            part.push_back(r);
            h += r.height;
        }
        if (!part.empty()) {
            out.push_back(boxed(part, x, w, fill, bar));
        }
        return out;
    }

    /// "Title (continued)" atop a page where a broken block goes on.
    Row continuedRow(const std::string& title) const {
        // Version 3: in the exercise title's colour at the body's size, as clear as the text.
        Row r = stack(text({{str.format("continued", {{"title", title}}), FontFace::Bold}},
                           v3() ? st.body : st.small * 1.1, st.margin, contentW,
                           v3() ? kHeading : kMuted));
        r.height += st.paraGap;
        return r;
    }

    Group heading(const std::string& title) const {
        Group g;
        g.keepWithNext = true;
        g.gapBefore = st.sectionGap;
        g.rows = text({{title, FontFace::Bold}}, st.heading, st.margin, contentW, kHeading);
        g.rows.back().height += st.paraGap;
        return g;
    }

    Group header() const {
        Group g;
        const double small = st.body * 0.9;
        double textW = contentW;
        Row top;
        if (doc.clinic.logo && doc.clinic.logo->pixelWidth > 0 &&
            doc.clinic.logo->pixelHeight > 0) {
            const double aspect =
                static_cast<double>(doc.clinic.logo->pixelWidth) / doc.clinic.logo->pixelHeight;
            double w = st.logoW, h = w / aspect;
            if (h > st.logoH) {
                h = st.logoH;
                w = h * aspect;
            }
            top.cmds.emplace_back(Image{{st.margin + contentW - w, 0}, w, h, doc.clinic.logo});
            top.height = h;
            textW = contentW - w - 12;
        }
        std::vector<Row> left;
        if (!doc.clinic.name.empty()) {
            auto r = text({{doc.clinic.name, FontFace::Bold}}, st.heading, st.margin, textW);
            left.insert(left.end(), r.begin(), r.end());
        }
        std::string address = doc.clinic.address;
        std::replace(address.begin(), address.end(), '\r', ' ');
        for (std::size_t start = 0; start <= address.size() && !address.empty();) {
            std::size_t end = address.find('\n', start);
            if (end == std::string::npos) {
                end = address.size();
            }
            auto r = text({{address.substr(start, end - start)}}, small, st.margin, textW, kMuted);
            left.insert(left.end(), r.begin(), r.end());
            start = end + 1;
        }
        if (!doc.clinic.phone.empty()) {
            auto r = text({{str.text("phone") + " ", FontFace::Bold}, {doc.clinic.phone}}, small,
                          st.margin, textW, kMuted);
            left.insert(left.end(), r.begin(), r.end());
        }
        Row l = stack(left);
        append(top.cmds, std::move(l.cmds), 0);
        top.height = std::max(top.height, l.height);
        if (top.height > 0) { // without clinic details the title opens the page
            top.height += st.paraGap;
            top.cmds.emplace_back(Line{
                {st.margin, top.height}, {st.margin + contentW, top.height}, Stroke{kRule, 0.8}});
            top.height += st.paraGap * 2;
            g.rows.push_back(std::move(top));
        }
        auto title =
            text({{str.text("title"), FontFace::Bold}}, st.title, st.margin, contentW, kHeading);
        title.back().height += st.paraGap;
        g.rows.insert(g.rows.end(), title.begin(), title.end());
        const auto field = [&](const char* key, const std::string& value) {
            if (value.empty()) {
                return;
            }
            auto r = text({{str.text(key) + " ", FontFace::Bold}, {value}}, st.body, st.margin,
                          contentW);
            g.rows.insert(g.rows.end(), r.begin(), r.end());
        };
        field("patient", doc.patientName);
        field("date", doc.dateText);
        std::string clinician = doc.clinic.clinicianName;
        if (!doc.clinic.clinicianCredentials.empty()) {
            clinician += (clinician.empty() ? "" : ", ") + doc.clinic.clinicianCredentials;
        }
        field("clinician", clinician);
        return g;
    }

    Group howTo() const {
        Group g;
        g.keepTogether = true;
        for (const std::string& line : str.list("how_to")) {
            auto r = item("•", {{line}}, st.body, st.margin, contentW);
            r.back().height += st.paraGap * 0.5;
            g.rows.insert(g.rows.end(), r.begin(), r.end());
        }
        return g;
    }

    /// A custom exercise's photo in a picture box w wide and at most h tall: the box shrinks
    /// to a wide photo's height (as for a lying pose); the photo keeps its aspect, centred.
    static Row photoRow(const std::shared_ptr<const ImageData>& photo, double x, double w,
                        double h) {
        Row out;
        const double aspect = static_cast<double>(photo->pixelWidth) / photo->pixelHeight;
        h = std::min(h, (w - 6) / aspect + 6);
        double iw = w - 6, ih = iw / aspect;
        if (ih > h - 6) {
            ih = h - 6;
            iw = ih * aspect;
        }
        out.cmds.emplace_back(Rect{{x, 0}, w, h, std::nullopt, Stroke{kRule, 0.6}});
        out.cmds.emplace_back(Image{{x + (w - iw) / 2, (h - ih) / 2}, iw, ih, photo});
        out.height = h;
        return out;
    }

    /// The exercise's picture: its photo, or the poses of its figure side by side (`across`)
    /// or stacked, each w x h with a label.
    Row figureRow(const ExerciseSection& ex, double x, double w, double h, bool across) const {
        if (ex.photo && ex.photo->pixelWidth > 0 && ex.photo->pixelHeight > 0) {
            return photoRow(ex.photo, x, w, h);
        }
        Row out;
        const auto it = figures.find(ex.figureId);
        if (ex.figureId.empty() || it == figures.end()) {
            return out;
        }
        const Figure& f = it->second;
        const double labelSize = st.small;
        const double gap = st.body * 0.6;
        double cx = x, cy = 0;
        // Boxes as tall as the figure needs at this width: lying poses take less height.
        h = std::min(h, (w - 6) * f.height / f.width + 6);
        const auto labelOf = [&](const Pose& p) {
            return str.text(p.label == "end" ? "end" : "start");
        };
        // Version 3 large print: "Start" and "End" inside their boxes at the top left when no
        // part of the drawing is there (a standing or sitting person), saving a line.
        bool inside = tight() && across && f.poses.size() > 1;
        for (std::size_t i = 0; inside && i < f.poses.size(); ++i) {
            const double px = x + static_cast<double>(i) * (w + gap);
            std::vector<DrawCommand> drawn;
            drawPose(f, f.poses[i], {px + 3, 3}, w - 6, h - 6, drawn);
            const double lw = fonts.regular->textWidth(labelOf(f.poses[i]), labelSize);
            inside = !f.poses[i].label.empty() &&
                     !drawsInto(drawn, Rect{{px + 3, 3}, lw + 8, labelSize * 1.4, {}, {}});
        }
        for (const Pose& p : f.poses) {
            out.cmds.emplace_back(Rect{{cx, cy}, w, h, std::nullopt, Stroke{kRule, 0.6}});
            drawPose(f, p, {cx + 3, cy + 3}, w - 6, h - 6, out.cmds);
            double bottom = cy + h;
            if (inside) {
                out.cmds.emplace_back(TextRun{{cx + 7, cy + 4 + labelSize * 0.95},
                                              FontFace::Regular,
                                              labelSize,
                                              kMuted,
                                              labelOf(p)});
            } else if (f.poses.size() > 1 && !p.label.empty()) {
                const std::string label = labelOf(p);
                const double lw = fonts.regular->textWidth(label, labelSize);
                out.cmds.emplace_back(TextRun{{cx + (w - lw) / 2, bottom + labelSize * 1.15},
                                              FontFace::Regular,
                                              labelSize,
                                              kMuted,
                                              label});
                bottom += labelSize * (tight() ? 1.3 : 1.5);
            }
            out.height = std::max(out.height, bottom);
            if (across) {
                cx += w + gap;
            } else {
                cy = bottom + gap;
            }
        }
        return out;
    }

    /// Steps, dosage, note and cautions of one exercise, in a column at x of width w.
    std::vector<Row> exerciseText(const ExerciseSection& ex, double x, double w) const {
        std::vector<Row> rows;
        const auto add = [&](std::vector<Row> r, double gapAfter) {
            if (!r.empty()) {
                r.back().height += gapAfter;
                rows.insert(rows.end(), std::make_move_iterator(r.begin()),
                            std::make_move_iterator(r.end()));
            }
        };
        for (std::size_t i = 0; i < ex.steps.size(); ++i) {
            add(item(std::to_string(i + 1) + ".", {{ex.steps[i]}}, st.body, x, w),
                st.paraGap * 0.4);
        }
        if (!rows.empty()) {
            rows.back().height += st.paraGap * 0.6;
        }
        std::vector<Row> dosage =
            text({{str.text("how_much") + " ", FontFace::Bold}, {ex.dosage}}, st.body, x, w);
        if (v3()) {
            // Version 3: the dosage is never split, nor alone atop a page: it stays with the
            // last step's last line.
            for (std::size_t i = 0; i + 1 < dosage.size(); ++i) {
                dosage[i].joinNext = true;
            }
            if (!rows.empty()) {
                rows.back().joinNext = true;
            }
        }
        add(std::move(dosage), st.paraGap);
        if (!ex.note.empty()) {
            add(text({{str.text("note") + " ", FontFace::Bold}, {ex.note}}, st.body, x, w),
                st.paraGap);
        }
        for (const std::string* alt : {&ex.tooHard, &ex.tooEasy}) {
            if (!alt->empty()) {
                add(text({{*alt}}, st.body, x, w), st.paraGap * 0.5);
            }
        }
        for (const std::string& c : ex.cautions) {
            const double inset = st.body * 0.9;
            std::vector<Row> parts = boxes(text({{str.text("caution") + " ", FontFace::Bold}, {c}},
                                                st.body, x + inset, w - inset - st.body * 0.4),
                                           x, w, kCautionFill, kCautionBar);
            add(std::move(parts), st.paraGap);
        }
        return rows;
    }

    Group exercise(const ExerciseSection& ex, int number) const {
        Group g;
        g.blockId = ex.id;
        g.keepTogether = true;
        g.gapBefore = st.sectionGap * (tight() ? 0.6 : 1);
        const double pad = st.exercise * 0.3;
        std::vector<Row> name = text({{std::to_string(number) + ". " + ex.name, FontFace::Bold}},
                                     st.exercise, st.margin + pad, contentW - 2 * pad, kHeading);
        Row band = stack(name);
        band.height += 2 * pad;
        for (DrawCommand& c : band.cmds) {
            std::visit(Shift{pad}, c);
        }
        band.cmds.insert(band.cmds.begin(),
                         Rect{{st.margin, 0}, contentW, band.height, kBand, std::nullopt});
        band.height += st.paraGap * (tight() ? 0.5 : 1.5);
        g.rows.push_back(std::move(band));
        if (paged()) {
            exerciseBody(ex, number, g);
        } else if (!doc.largePrint) {
            // Two columns: the pictures at the left, the words at the right.
            const double gap = 16;
            const double textX = st.margin + st.figureW + gap;
            Row figs = figureRow(ex, st.margin, st.figureW, st.figureH, false);
            Row words = stack(exerciseText(ex, textX, contentW - st.figureW - gap));
            Row both;
            both.height = std::max(figs.height, words.height);
            append(both.cmds, std::move(figs.cmds), 0);
            append(both.cmds, std::move(words.cmds), 0);
            g.rows.push_back(std::move(both));
        } else {
            // Large print: one column, pictures above the words.
            const double w = std::min(st.figureW, (contentW - st.body) / 2);
            Row figs = figureRow(ex, st.margin, w, w * st.figureH / st.figureW, true);
            figs.height += st.paraGap;
            g.rows.push_back(std::move(figs));
            auto words = exerciseText(ex, st.margin, contentW);
            g.rows.insert(g.rows.end(), words.begin(), words.end());
        }
        return g;
    }

    /// Layout version 2: the words are one row per line so a long note continues on the next
    /// page; the band, the picture and the first lines stay together, as do the last two rows.
    void exerciseBody(const ExerciseSection& ex, int number, Group& g) const {
        g.continuedTitle = std::to_string(number) + ". " + ex.name;
        g.keepTail = 2;
        if (!doc.largePrint) {
            // Two columns: the pictures at the left, the words at the right beside them.
            const double gap = 16;
            const double textX = st.margin + st.figureW + gap;
            Row figs = figureRow(ex, st.margin, st.figureW, st.figureH, false);
            std::vector<Row> words = exerciseText(ex, textX, contentW - st.figureW - gap);
            double wordsH = 0;
            for (const Row& r : words) {
                wordsH += r.height;
            }
            if (wordsH < figs.height) { // the block ends below its picture
                Row spacer;
                spacer.height = figs.height - wordsH;
                words.push_back(std::move(spacer));
            }
            words[0].extent = figs.height;
            // The picture first, as in version 1: text extraction reads it before the words.
            figs.cmds.insert(figs.cmds.end(), std::make_move_iterator(words[0].cmds.begin()),
                             std::make_move_iterator(words[0].cmds.end()));
            words[0].cmds = std::move(figs.cmds);
            g.rows.insert(g.rows.end(), std::make_move_iterator(words.begin()),
                          std::make_move_iterator(words.end()));
            g.keepHead = 3; // the band, the picture with the first line, the second line
        } else if (!v3()) {
            // Large print: one column, the pictures above the words, as large as the page
            // allows two of them side by side: they grow with the text.
            const double w = (contentW - st.body * 0.6) / 2;
            Row figs = figureRow(ex, st.margin, w, w * st.figureH / st.figureW, true);
            figs.height += st.paraGap;
            g.rows.push_back(std::move(figs));
            auto words = exerciseText(ex, st.margin, contentW);
            g.rows.insert(g.rows.end(), std::make_move_iterator(words.begin()),
                          std::make_move_iterator(words.end()));
            g.keepTogether = false; // fill pages: a long exercise continues on the next
            g.keepHead = 4;         // the band, the pictures and two lines
        } else {
            // Version 3 large print: the two pictures side by side, each the standard picture
            // scaled as the text is (18 / 12 pt), so the next exercise's start fits on more
            // pages; the exercise may continue on the next page after its first step.
            const double scale = st.body / kStandard.body;
            const double w = kStandard.figureW * scale, h = kStandard.figureH * scale;
            Row figs = figureRow(ex, st.margin, w, h, true);
            figs.height += st.paraGap * 0.5;
            g.rows.push_back(std::move(figs));
            auto words = exerciseText(ex, st.margin, contentW);
            g.rows.insert(g.rows.end(), std::make_move_iterator(words.begin()),
                          std::make_move_iterator(words.end()));
            g.keepTogether = false;
            // The band, the pictures and the first step's first line; text() keeps a step of
            // up to four lines whole and a longer one's first two lines together.
            g.keepHead = 3;
        }
    }

    std::vector<Group> avoid() const {
        std::vector<Group> out;
        if (doc.avoid.empty()) {
            return out;
        }
        out.push_back(heading(str.text("avoid_heading")));
        Group intro;
        intro.rows = text({{str.text("avoid_intro")}}, st.body, st.margin, contentW);
        intro.rows.back().height += st.paraGap;
        // The heading, its intro and the first entry share a page (version 2).
        intro.keepTogether = intro.keepWithNext = paged();
        out.push_back(std::move(intro));
        for (const AvoidSection& a : doc.avoid) {
            Group g;
            g.keepTogether = true;
            std::vector<Span> spans{{a.name + (a.why.empty() ? "" : ": "), FontFace::Bold}};
            if (!a.why.empty()) {
                spans.push_back({a.why});
            }
            g.rows = item("×", spans, st.body, st.margin, contentW);
            g.rows.back().height += st.paraGap;
            out.push_back(std::move(g));
        }
        return out;
    }

    std::vector<Group> stopAndSeekCare() const {
        std::vector<Group> out;
        out.push_back(heading(str.text("stop_heading")));
        const auto list = [&](const char* intro, const char* items, Color fill, Color bar) {
            const double inset = st.body * 1.0;
            const double w = contentW - inset - st.body * 0.5;
            std::vector<Row> rows =
                text({{str.text(intro), FontFace::Bold}}, st.body, st.margin + inset, w);
            rows.back().height += st.paraGap * 0.5;
            for (const std::string& s : str.list(items)) {
                auto r = item("•", {{s}}, st.body, st.margin + inset, w);
                rows.insert(rows.end(), r.begin(), r.end());
            }
            Group g;
            g.keepTogether = true;
            g.rows = boxes(rows, st.margin, contentW, fill, bar);
            g.rows.back().height += st.paraGap * 1.5;
            out.push_back(std::move(g));
        };
        list("emergency_intro", "emergency_signs", kEmergencyFill, kEmergencyBar);
        list("urgent_intro", "urgent_signs", kCautionFill, kCautionBar);
        return out;
    }

    /// With an override, the patient's copy opens with what the triage means for them: go to
    /// an emergency department now, or see a doctor within 24 hours, and why in plain words.
    std::vector<Group> alert() const {
        std::vector<Group> out;
        if (doc.clinicianCopy) {
            Group note;
            note.rows = text({{str.text("clinician_copy_note"), FontFace::Bold}}, st.body,
                             st.margin, contentW, kEmergencyBar);
            note.rows.back().height += st.paraGap;
            out.push_back(std::move(note));
        }
        if (doc.alertTitle.empty()) {
            return out;
        }
        const double inset = st.body * 1.0;
        const double w = contentW - inset - st.body * 0.5;
        std::vector<Row> rows = text({{doc.alertTitle, FontFace::Bold}}, st.heading,
                                     st.margin + inset, w, kEmergencyBar);
        rows.back().height += st.paraGap * 0.5;
        for (Row& r : text({{doc.alertText}}, st.body, st.margin + inset, w)) {
            rows.push_back(std::move(r));
        }
        rows.back().height += st.paraGap * 0.5;
        for (Row& r :
             text({{str.text("alert_why"), FontFace::Bold}}, st.body, st.margin + inset, w)) {
            rows.push_back(std::move(r));
        }
        for (const std::string& why : doc.alertWhy) {
            for (Row& r : item("•", {{why}}, st.body, st.margin + inset, w)) {
                rows.push_back(std::move(r));
            }
        }
        Group g;
        g.keepTogether = true;
        g.gapBefore = st.paraGap;
        g.rows.push_back(boxed(rows, st.margin, contentW,
                               doc.alertEmergency ? kEmergencyFill : kCautionFill,
                               doc.alertEmergency ? kEmergencyBar : kCautionBar));
        out.push_back(std::move(g));
        return out;
    }

    std::vector<Group> override() const {
        std::vector<Group> out;
        if (doc.overrideReason.empty()) {
            return out;
        }
        Group h = heading(str.text("override_heading"));
        h.pageBreakBefore = true;
        out.push_back(std::move(h));
        Group g;
        g.rows = text({{str.format("override_text", {{"level", doc.overrideLevel}})}}, st.body,
                      st.margin, contentW);
        g.rows.back().height += st.paraGap;
        auto reason = boxes(
            text({{doc.overrideReason}}, st.body, st.margin + st.body, contentW - st.body * 1.5),
            st.margin, contentW, kCautionFill, kCautionBar);
        g.rows.insert(g.rows.end(), std::make_move_iterator(reason.begin()),
                      std::make_move_iterator(reason.end()));
        out.push_back(std::move(g));
        return out;
    }

    /// "Your goals": the patient's PSFS activities, in their words.
    Group goals() const {
        Group g;
        g.keepTogether = true;
        g.gapBefore = st.sectionGap;
        g.rows = text({{str.text("goals_heading"), FontFace::Bold}}, st.heading, st.margin,
                      contentW, kHeading);
        g.rows.back().height += st.paraGap;
        auto intro = text({{str.text("goals_intro")}}, st.body, st.margin, contentW);
        intro.back().height += st.paraGap;
        g.rows.insert(g.rows.end(), intro.begin(), intro.end());
        for (const std::string& goal : doc.goals) {
            auto r = item("•", {{goal}}, st.body, st.margin, contentW);
            r.back().height += st.paraGap * 0.5;
            g.rows.insert(g.rows.end(), r.begin(), r.end());
        }
        return g;
    }

    /// One grid of the exercise log: days `firstDay`..`lastDay` (1-based) as columns, a row of
    /// tick boxes per exercise and a row of boxes for the day's pain 0-10.
    Group logGrid(int firstDay, int lastDay) const {
        Group g;
        g.keepTogether = true;
        g.gapBefore = st.paraGap * 2;
        const int days = lastDay - firstDay + 1;
        const double labelW = doc.largePrint ? contentW * 0.36 : contentW * 0.3;
        const double colW = (contentW - labelW) / days;
        const double x0 = st.margin + labelW;
        const double pad = st.small * 0.35;
        const Stroke grid{kRule, 0.6};
        const auto cellText = [&](const std::string& t, FontFace face, int column, double rowH) {
            const double w =
                (face == FontFace::Bold ? fonts.bold : fonts.regular)->textWidth(t, st.small);
            return TextRun{{x0 + colW * column + (colW - w) / 2,
                            rowH / 2 + fonts.regular->ascent(st.small) * 0.4},
                           face,
                           st.small,
                           kHeading,
                           t};
        };
        // Header: "Day" and the day numbers, on a band.
        Row header;
        header.height = st.small * 2;
        header.cmds.emplace_back(Rect{{st.margin, 0}, contentW, header.height, kBand, grid});
        auto dayLabel = text({{str.text("log_day"), FontFace::Bold}}, st.small, st.margin + pad,
                             labelW - 2 * pad, kHeading);
        if (!dayLabel.empty()) {
            append(header.cmds, std::move(dayLabel[0].cmds),
                   (header.height - dayLabel[0].height) / 2);
        }
        for (int d = 0; d < days; ++d) {
            header.cmds.emplace_back(
                cellText(std::to_string(firstDay + d), FontFace::Bold, d, header.height));
            header.cmds.emplace_back(
                Line{{x0 + colW * d, 0}, {x0 + colW * d, header.height}, grid});
        }
        g.rows.push_back(std::move(header));
        const double box = std::min(colW * 0.55, st.body * 1.2);
        const auto bodyRow = [&](const std::vector<Span>& label, bool painRow) {
            Row r = stack(text(label, st.body, st.margin + pad, labelW - 2 * pad));
            r.height = std::max(r.height, box) + 2 * pad;
            for (DrawCommand& c : r.cmds) {
                std::visit(Shift{pad}, c);
            }
            r.cmds.insert(r.cmds.begin(),
                          Rect{{st.margin, 0}, contentW, r.height, std::nullopt, grid});
            for (int d = 0; d < days; ++d) {
                const double cx = x0 + colW * d;
                r.cmds.emplace_back(Line{{cx, 0}, {cx, r.height}, grid});
                if (painRow) {
                    continue; // the patient writes a number in the cell
                }
                r.cmds.emplace_back(Rect{{cx + (colW - box) / 2, (r.height - box) / 2},
                                         box,
                                         box,
                                         std::nullopt,
                                         Stroke{kText, 0.9}});
            }
            return r;
        };
        int n = 0;
        for (const ExerciseSection& ex : doc.exercises) {
            g.rows.push_back(bodyRow({{std::to_string(++n) + ". " + ex.name}}, false));
        }
        g.rows.push_back(bodyRow({{str.text("log_pain"), FontFace::Bold}}, true));
        g.rows.back().cmds.insert(
            g.rows.back().cmds.begin(),
            Rect{{st.margin, 0}, contentW, g.rows.back().height, kCautionFill, std::nullopt});
        return g;
    }

    /// The exercise log page: a heading, how to fill it in, the grid (two weeks side by side,
    /// or week by week in large print), and ruled lines for a note.
    std::vector<Group> exerciseLog() const {
        std::vector<Group> out;
        if (!doc.exerciseLog) {
            return out;
        }
        Group h = heading(str.text("log_heading"));
        h.pageBreakBefore = true;
        out.push_back(std::move(h));
        Group intro;
        intro.rows = text({{str.text("log_intro")}}, st.body, st.margin, contentW);
        out.push_back(std::move(intro));
        const int perGrid = doc.largePrint ? 7 : 14;
        for (int first = 1; first <= 14; first += perGrid) {
            Group grid = logGrid(first, first + perGrid - 1);
            if (perGrid < 14) {
                auto week = text(
                    {{str.format("log_week", {{"n", std::to_string((first - 1) / perGrid + 1)}}),
                      FontFace::Bold}},
                    st.body, st.margin, contentW, kHeading);
                week.back().height += st.paraGap * 0.5;
                grid.rows.insert(grid.rows.begin(), week.begin(), week.end());
            }
            out.push_back(std::move(grid));
        }
        Group notes;
        notes.keepTogether = true;
        notes.gapBefore = st.sectionGap;
        notes.rows = text({{str.text("log_notes"), FontFace::Bold}}, st.body, st.margin, contentW);
        for (int i = 0; i < 3; ++i) {
            Row line;
            line.height = st.body * 2;
            line.cmds.emplace_back(Line{
                {st.margin, line.height}, {st.margin + contentW, line.height}, Stroke{kRule, 0.8}});
            notes.rows.push_back(std::move(line));
        }
        out.push_back(std::move(notes));
        return out;
    }

    Group signature() const {
        Group g;
        g.keepTogether = true;
        g.keepWithPrevious = paged(); // never alone on a last page
        // Version 2: a smaller gap, so the signature fits below a box that nearly fills a
        // page (the urgent signs in Spanish large print).
        g.gapBefore = st.sectionGap * (paged() ? 1 : 2);
        Row r;
        const double lineY = st.body * 2.2;
        const double sigW = contentW * 0.6;
        r.cmds.emplace_back(
            Line{{st.margin, lineY}, {st.margin + sigW, lineY}, Stroke{kText, 0.8}});
        r.cmds.emplace_back(Line{{st.margin + sigW + st.body * 2, lineY},
                                 {st.margin + contentW, lineY},
                                 Stroke{kText, 0.8}});
        r.height = lineY + st.small * 0.4;
        g.rows.push_back(std::move(r));
        std::string label = str.text("signature");
        if (!doc.clinic.clinicianName.empty()) {
            label += " (" + doc.clinic.clinicianName + ")";
        }
        Row labels;
        auto a = text({{label}}, st.small, st.margin, sigW, kMuted);
        auto b = text({{str.text("signature_date")}}, st.small, st.margin + sigW + st.body * 2,
                      contentW - sigW - st.body * 2, kMuted);
        Row la = stack(a), lb = stack(b);
        labels.height = std::max(la.height, lb.height);
        append(labels.cmds, std::move(la.cmds), 0);
        append(labels.cmds, std::move(lb.cmds), 0);
        g.rows.push_back(std::move(labels));
        return g;
    }

    void footer(LayoutPage& page, int number, int count) const {
        const double size = doc.largePrint ? 13 : 9;
        const double y = pageH - st.bottom + size * 2.2;
        page.commands.emplace_back(Line{{st.margin, y - size * 1.4},
                                        {st.margin + contentW, y - size * 1.4},
                                        Stroke{kRule, 0.6}});
        const std::string left = str.format(
            "footer_page", {{"page", std::to_string(number)}, {"pages", std::to_string(count)}});
        const std::string right = doc.clinic.phone.empty()
                                      ? str.format("footer_date", {{"date", doc.dateText}})
                                      : str.format("footer_session", {{"phone", doc.clinic.phone},
                                                                      {"date", doc.dateText}});
        const double lw = fonts.bold->textWidth(left, size);
        const double rw = fonts.regular->textWidth(right, size);
        page.commands.emplace_back(TextRun{{st.margin, y}, FontFace::Bold, size, kMuted, left});
        if (lw + rw + size * 2 <= contentW) {
            page.commands.emplace_back(
                TextRun{{st.margin + contentW - rw, y}, FontFace::Regular, size, kMuted, right});
        } else {
            for (Row& r : text({{right}}, size, st.margin, contentW, kMuted)) {
                append(page.commands, std::move(r.cmds), y + size * 0.4);
                break; // one line only: the footer never grows into the body
            }
        }
    }

    const FontPair& fonts;
    const HandoutStrings& str;
    const std::map<std::string, Figure, std::less<>>& figures;
    const HandoutDocument& doc;
    const Style& st;
    double pageW = 0, pageH = 0, contentW = 0, bodyH = 0;
};

/// Layout version 1, kept so signed handouts reprint byte-identical: whole groups move to
/// the next page, and a row taller than what is left of a page overflows it.
void paginateV1(const Builder& b, std::vector<Group>& groups, HandoutLayoutResult& res) {
    const double top = b.st.top, bottom = b.pageH - b.st.bottom;
    double y = top;
    const auto newPage = [&] {
        if (!res.pages.empty()) {
            res.pageFill.push_back((y - top) / (bottom - top));
        }
        res.pages.push_back(LayoutPage{b.pageW, b.pageH, {}});
        y = top;
    };
    newPage();
    for (std::size_t i = 0; i < groups.size(); ++i) {
        Group& g = groups[i];
        if (g.pageBreakBefore && y > top) {
            newPage();
        }
        if (y > top) {
            y += g.gapBefore;
        }
        double need = g.keepTogether ? g.height() : (g.rows.empty() ? 0 : g.rows[0].height);
        if (g.keepWithNext && i + 1 < groups.size()) {
            const Group& next = groups[i + 1];
            need =
                g.height() + next.gapBefore +
                (next.keepTogether ? next.height() : (next.rows.empty() ? 0 : next.rows[0].height));
        }
        if (y > top && y + need > bottom && need <= bottom - top) {
            newPage();
        }
        BlockPlacement place{g.blockId, static_cast<int>(res.pages.size()) - 1, 0, y, y};
        place.top = y;
        for (Row& r : g.rows) {
            if (y > top && y + r.height > bottom) {
                newPage(); // only a group taller than a whole page gets here
            }
            append(res.pages.back().commands, std::move(r.cmds), y);
            y += r.height;
        }
        if (!g.blockId.empty()) {
            place.lastPage = static_cast<int>(res.pages.size()) - 1;
            place.bottom = y;
            res.blocks.push_back(place);
        }
    }
    res.pageFill.push_back((y - top) / (bottom - top));
}

/// One row to place, and whether it must share a page with the row after it.
struct Unit {
    std::size_t group = 0, row = 0;
    bool glueNext = false;
};

/// The rows of `groups` in order, each glued to the next as the groups' rules ask (a group
/// that must stay whole only when it fits a page).
std::vector<Unit> unitsOf(const std::vector<Group>& groups, double pageBody) {
    std::vector<Unit> units;
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
        const Group& g = groups[gi];
        const std::size_t n = g.rows.size();
        const bool whole = g.keepTogether && g.height() <= pageBody;
        for (std::size_t r = 0; r < n; ++r) {
            Unit u{gi, r, false};
            if (r + 1 < n) {
                u.glueNext =
                    whole || g.rows[r].joinNext || r + 1 < g.keepHead || r + 1 + g.keepTail > n;
            } else if (gi + 1 < groups.size() && !groups[gi + 1].pageBreakBefore) {
                u.glueNext = g.keepWithNext || groups[gi + 1].keepWithPrevious;
            }
            units.push_back(u);
        }
    }
    return units;
}

/// Places row `u` on the last page of `res` at `y` (after its group's gap unless it opens the
/// page, whose body starts at `top`), moves `y` below it and notes where its block lies.
void placeUnit(std::vector<Group>& groups, const Unit& u, double top, double& y,
               HandoutLayoutResult& res, std::vector<BlockPlacement>& placed) {
    Group& g = groups[u.group];
    if (y > top && u.row == 0) {
        y += g.gapBefore;
    }
    const int page = static_cast<int>(res.pages.size()) - 1;
    if (u.row == 0) {
        placed[u.group] = BlockPlacement{g.blockId, page, page, y, y};
    }
    Row& r = g.rows[u.row];
    append(res.pages.back().commands, std::move(r.cmds), y);
    y += r.height;
    placed[u.group].lastPage = page;
    placed[u.group].bottom = y;
}

/// The placements of the groups that name a block and hold rows, in order, into `res`.
void keepBlocks(const std::vector<Group>& groups, const std::vector<BlockPlacement>& placed,
                HandoutLayoutResult& res) {
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
        if (!groups[gi].blockId.empty() && !groups[gi].rows.empty()) {
            res.blocks.push_back(placed[gi]);
        }
    }
}

/// Layout version 2: rows are placed one by one; rows glued together (a heading and what
/// follows, a box, the start and the end of an exercise, the signature and what precedes it)
/// move to the next page together when they would not fit, unless they are taller than a
/// page. A group broken across pages opens the next page with its "continued" title.
void paginateV2(const Builder& b, std::vector<Group>& groups, HandoutLayoutResult& res) {
    const double top = b.st.top, bottom = b.pageH - b.st.bottom, pageBody = bottom - top;
    const std::vector<Unit> units = unitsOf(groups, pageBody);
    const auto gapOf = [&](const Unit& u) { return u.row == 0 ? groups[u.group].gapBefore : 0; };
    const auto rowOf = [&](const Unit& u) -> Row& { return groups[u.group].rows[u.row]; };
    // Height units i.. need from y (gap included unless at the top of a page), as far as
    // they are glued together (`chain`) or unit i alone.
    const auto need = [&](std::size_t i, bool atTop, bool chain) {
        double cur = 0, most = 0;
        for (std::size_t j = i; j < units.size(); ++j) {
            if (j > i || !atTop) {
                cur += gapOf(units[j]);
            }
            most = std::max(most, cur + rowOf(units[j]).reach());
            cur += rowOf(units[j]).height;
            if (!chain || !units[j].glueNext) {
                break;
            }
        }
        return most;
    };

    double y = top;
    const auto newPage = [&] {
        if (!res.pages.empty()) {
            res.pageFill.push_back((y - top) / pageBody);
        }
        res.pages.push_back(LayoutPage{b.pageW, b.pageH, {}});
        y = top;
    };
    newPage();
    std::vector<BlockPlacement> placed(groups.size());
    for (std::size_t i = 0; i < units.size(); ++i) {
        const Unit& u = units[i];
        Group& g = groups[u.group];
        if (u.row == 0 && g.pageBreakBefore && y > top) {
            newPage();
        }
        if (y > top) {
            const bool chainStart = i == 0 || !units[i - 1].glueNext;
            const bool chainFitsHere = y + need(i, false, chainStart) <= bottom;
            const bool chainFitsPage = need(i, true, chainStart) <= pageBody;
            const bool rowFitsHere = y + need(i, false, false) <= bottom;
            if (!chainFitsHere && (chainFitsPage || !rowFitsHere)) {
                newPage();
                if (u.row > 0 && !g.continuedTitle.empty()) {
                    Row c = b.continuedRow(g.continuedTitle);
                    append(res.pages.back().commands, std::move(c.cmds), y);
                    y += c.height;
                }
            }
        }
        placeUnit(groups, u, top, y, res, placed);
    }
    res.pageFill.push_back((y - top) / pageBody);
    keepBlocks(groups, placed, res);
}

/// Layout version 3: the same rows and glue as version 2, but the page breaks are chosen
/// together rather than one page at a time: the fewest pages, then pages as evenly full as
/// possible (the sum of the squared empty part of every page but the last, plus a little for
/// each block continued on a next page, so a block is not split only to even pages out).
constexpr double kWorstSteps = 20;
void paginateV3(const Builder& b, std::vector<Group>& groups, HandoutLayoutResult& res) {
    const double top = b.st.top, bottom = b.pageH - b.st.bottom, pageBody = bottom - top;
    const std::vector<Unit> units = unitsOf(groups, pageBody);
    const std::size_t n = units.size();
    const auto gapOf = [&](const Unit& u) { return u.row == 0 ? groups[u.group].gapBefore : 0; };
    const auto rowOf = [&](const Unit& u) -> Row& { return groups[u.group].rows[u.row]; };
    const auto continues = [&](std::size_t i) {
        return units[i].row > 0 && !groups[units[i].group].continuedTitle.empty();
    };
    // A page may start at unit i when the unit before is not glued to it, or when the rows
    // glued together around it are taller than a page (then any row may start one).
    std::vector<bool> canStart(n + 1, true);
    for (std::size_t s = 0; s < n;) {
        std::size_t e = s;
        double h = 0, most = 0;
        for (;; ++e) {
            if (e > s) {
                h += gapOf(units[e]);
            }
            most = std::max(most, h + rowOf(units[e]).reach());
            h += rowOf(units[e]).height;
            if (!units[e].glueNext || e + 1 == n) {
                break;
            }
        }
        for (std::size_t k = s + 1; k <= e; ++k) {
            canStart[k] = most > pageBody;
        }
        s = e + 1;
    }
    // chain[i]: the height the rows glued together from unit i need below what precedes them.
    std::vector<double> chain(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i) {
        double h = 0;
        for (std::size_t j = i; j < n; ++j) {
            h += gapOf(units[j]);
            chain[i] = std::max(chain[i], h + rowOf(units[j]).reach());
            h += rowOf(units[j]).height;
            if (!units[j].glueNext) {
                break;
            }
        }
    }
    const auto mustStart = [&](std::size_t i) {
        return i > 0 && units[i].row == 0 && groups[units[i].group].pageBreakBefore;
    };
    // best[i]: pages and cost to lay out units i.. from the top of a page; next[i]: where the
    // page starting at i ends.
    struct Best {
        int pages = 0;
        double worst = 0; ///< the emptiest page's empty part (but the last page's)
        int splits = 0;   ///< pages that continue a block
        double squares = 0;
        [[nodiscard]] bool operator<(const Best& o) const {
            if (pages != o.pages) {
                return pages < o.pages;
            }
            const int a = static_cast<int>(worst * kWorstSteps),
                      c = static_cast<int>(o.worst * kWorstSteps);
            if (a != c) {
                return a < c;
            }
            if (splits != o.splits) {
                return splits < o.splits;
            }
            return squares < o.squares - 1e-9;
        }
    };
    std::vector<Best> best(n + 1);
    constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    std::vector<std::size_t> next(n + 1, kNone);
    // The page from unit i to `end` (exclusive) whose content is `height` tall, if better.
    const auto consider = [&](std::size_t i, std::size_t end, double height) {
        const double empty = end == n ? 0 : std::max(0.0, 1 - height / pageBody);
        const Best cand{best[end].pages + 1, std::max(best[end].worst, empty),
                        best[end].splits + (continues(i) ? 1 : 0),
                        best[end].squares + empty * empty};
        if (next[i] == kNone || cand < best[i]) {
            best[i] = cand;
            next[i] = end;
        }
    };
    for (std::size_t i = n; i-- > 0;) {
        const double head =
            continues(i) ? b.continuedRow(groups[units[i].group].continuedTitle).height : 0;
        double y = head, most = head;
        bool found = false;
        for (std::size_t j = i; j < n; ++j) {
            if (j > i && mustStart(j)) {
                break;
            }
            if (j > i) {
                y += gapOf(units[j]);
            }
            const double before = y;
            most = std::max(most, y + rowOf(units[j]).reach());
            y += rowOf(units[j]).height;
            if (most > pageBody && j > i) {
                if (!found) { // rows glued together yet taller than what a page holds here:
                    consider(i, j, before); // break before the row that does not fit
                }
                break; // a single row taller than a page still gets a page of its own
            }
            const std::size_t end = j + 1;
            if (end < n && !canStart[end] && !mustStart(end)) {
                continue;
            }
            if (end < n && continues(end) && y + chain[end] <= pageBody) {
                continue; // a block goes on to the next page only from a full page
            }
            consider(i, end, y);
            found = true;
        }
    }
    std::vector<BlockPlacement> placed(groups.size());
    for (std::size_t i = 0; i < n;) {
        res.pages.push_back(LayoutPage{b.pageW, b.pageH, {}});
        double y = top;
        if (continues(i)) {
            Row c = b.continuedRow(groups[units[i].group].continuedTitle);
            append(res.pages.back().commands, std::move(c.cmds), y);
            y += c.height;
        }
        for (std::size_t j = i; j < next[i]; ++j) {
            placeUnit(groups, units[j], top, y, res, placed);
        }
        res.pageFill.push_back((y - top) / pageBody);
        i = next[i];
    }
    if (res.pages.empty()) {
        res.pages.push_back(LayoutPage{b.pageW, b.pageH, {}});
        res.pageFill.push_back(0);
    }
    keepBlocks(groups, placed, res);
}

} // namespace

HandoutLayoutResult HandoutLayout::layout(const HandoutDocument& doc) const {
    Builder b(fonts_, strings_, figures_, doc);
    std::vector<Group> groups;
    groups.push_back(b.header());
    for (Group& g : b.alert()) {
        groups.push_back(std::move(g));
    }
    groups.push_back(b.heading(strings_.text("how_to_heading")));
    groups.push_back(b.howTo());
    int n = 0;
    for (const ExerciseSection& ex : doc.exercises) {
        groups.push_back(b.exercise(ex, ++n));
    }
    for (std::vector<Group> gs : {b.avoid(), b.stopAndSeekCare(), b.override()}) {
        groups.insert(groups.end(), std::make_move_iterator(gs.begin()),
                      std::make_move_iterator(gs.end()));
    }
    if (!doc.goals.empty() && !doc.exerciseLog) {
        groups.push_back(b.goals());
    }
    groups.push_back(b.signature());
    for (Group& g : b.exerciseLog()) {
        groups.push_back(std::move(g));
    }
    if (!doc.goals.empty() && doc.exerciseLog) {
        groups.push_back(b.goals()); // on the log page, which goes to the next visit
    }

    HandoutLayoutResult res;
    if (doc.layoutVersion >= 3) {
        paginateV3(b, groups, res);
    } else if (doc.layoutVersion >= 2) {
        paginateV2(b, groups, res);
    } else {
        paginateV1(b, groups, res);
    }
    const int count = static_cast<int>(res.pages.size());
    for (int p = 0; p < count; ++p) {
        b.footer(res.pages[static_cast<std::size_t>(p)], p + 1, count);
    }
    return res;
}

} // namespace hepdesk::handout
