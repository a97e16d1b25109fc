#include "hepdesk/core/handout/HandoutLayout.h"

#include <algorithm>

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
    std::vector<DrawCommand> cmds;
};

/// Rows the paginator places together when it can.
struct Group {
    std::vector<Row> rows;
    std::string blockId;       ///< exercise blocks: recorded in the result
    bool keepTogether = false; ///< move to the next page rather than split
    bool keepWithNext = false; ///< headings: never the last thing on a page
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

/// Lays out text and pictures for one document with one style.
class Builder {
public:
    Builder(const FontPair& f, const HandoutStrings& s,
            const std::map<std::string, Figure, std::less<>>& figs, const HandoutDocument& d)
        : fonts(f), str(s), figures(figs), doc(d), st(d.largePrint ? kLarge : kStandard) {
        pageW = d.paper == HandoutOptions::Paper::A4 ? 595.28 : 612;
        pageH = d.paper == HandoutOptions::Paper::A4 ? 841.89 : 792;
        contentW = pageW - 2 * st.margin;
    }

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
        for (const Pose& p : f.poses) {
            out.cmds.emplace_back(Rect{{cx, cy}, w, h, std::nullopt, Stroke{kRule, 0.6}});
            drawPose(f, p, {cx + 3, cy + 3}, w - 6, h - 6, out.cmds);
            double bottom = cy + h;
            if (f.poses.size() > 1 && !p.label.empty()) {
                const std::string label = str.text(p.label == "end" ? "end" : "start");
                const double lw = fonts.regular->textWidth(label, labelSize);
                out.cmds.emplace_back(TextRun{{cx + (w - lw) / 2, bottom + labelSize * 1.15},
                                              FontFace::Regular,
                                              labelSize,
                                              kMuted,
                                              label});
                bottom += labelSize * 1.5;
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
        add(text({{str.text("how_much") + " ", FontFace::Bold}, {ex.dosage}}, st.body, x, w),
            st.paraGap);
        if (!ex.note.empty()) {
            add(text({{str.text("note") + " ", FontFace::Bold}, {ex.note}}, st.body, x, w),
                st.paraGap);
        }
        for (const std::string& c : ex.cautions) {
            const double inset = st.body * 0.9;
            Row box = boxed(text({{str.text("caution") + " ", FontFace::Bold}, {c}}, st.body,
                                 x + inset, w - inset - st.body * 0.4),
                            x, w, kCautionFill, kCautionBar);
            box.height += st.paraGap;
            rows.push_back(std::move(box));
        }
        return rows;
    }

    Group exercise(const ExerciseSection& ex, int number) const {
        Group g;
        g.blockId = ex.id;
        g.keepTogether = true;
        g.gapBefore = st.sectionGap;
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
        band.height += st.paraGap * 1.5;
        g.rows.push_back(std::move(band));
        if (!doc.largePrint) {
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

    std::vector<Group> avoid() const {
        std::vector<Group> out;
        if (doc.avoid.empty()) {
            return out;
        }
        out.push_back(heading(str.text("avoid_heading")));
        Group intro;
        intro.rows = text({{str.text("avoid_intro")}}, st.body, st.margin, contentW);
        intro.rows.back().height += st.paraGap;
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
            g.rows.push_back(boxed(rows, st.margin, contentW, fill, bar));
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
        auto reason = boxed(
            text({{doc.overrideReason}}, st.body, st.margin + st.body, contentW - st.body * 1.5),
            st.margin, contentW, kCautionFill, kCautionBar);
        g.rows.push_back(std::move(reason));
        out.push_back(std::move(g));
        return out;
    }

    Group signature() const {
        Group g;
        g.keepTogether = true;
        g.gapBefore = st.sectionGap * 2;
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
    double pageW = 0, pageH = 0, contentW = 0;
};

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
    groups.push_back(b.signature());

    HandoutLayoutResult res;
    const double top = b.st.top, bottom = b.pageH - b.st.bottom;
    double y = top;
    const auto newPage = [&] {
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
    const int count = static_cast<int>(res.pages.size());
    for (int p = 0; p < count; ++p) {
        b.footer(res.pages[static_cast<std::size_t>(p)], p + 1, count);
    }
    return res;
}

} // namespace hepdesk::handout
