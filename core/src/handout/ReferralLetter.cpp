#include "hepdesk/core/handout/ReferralLetter.h"

#include <cmath>
#include <cstdio>

namespace hepdesk::handout {
namespace {

constexpr Color kText{26, 26, 26}, kHeading{31, 78, 121}, kMuted{90, 90, 90}, kRule{170, 170, 170};
constexpr double kMargin = 56, kTop = 50, kBottom = 60, kBody = 11, kSmall = 9.5, kTitle = 18,
                 kHeadingSize = 13, kLeading = 1.3;

std::string percent(double v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.0f", std::round(v));
    return buf;
}

/// Draws top to bottom, wrapping text, on one page.
class Pen {
public:
    Pen(const FontPair& f, double pageW, double pageH)
        : fonts_(f), page_{pageW, pageH, {}}, width_(pageW - 2 * kMargin),
          bottom_(pageH - kBottom) {}

    void text(const std::vector<Span>& spans, double size, Color color = kText, double indent = 0) {
        const double lineH = size * kLeading;
        const double asc = fonts_.regular->ascent(size);
        for (WrappedLine& l : wrapText(spans, size, width_ - indent, fonts_)) {
            for (PlacedRun& run : l.runs) {
                page_.commands.emplace_back(TextRun{{kMargin + indent + run.x, y_ + asc},
                                                    run.face,
                                                    size,
                                                    color,
                                                    std::move(run.text)});
            }
            y_ += lineH;
        }
    }
    void bullet(const std::string& s) {
        page_.commands.emplace_back(TextRun{
            {kMargin, y_ + fonts_.regular->ascent(kBody)}, FontFace::Bold, kBody, kText, "•"});
        text({{s}}, kBody, kText, kBody * 1.2);
    }
    void gap(double h) { y_ += h; }
    void rule() {
        page_.commands.emplace_back(
            Line{{kMargin, y_}, {kMargin + width_, y_}, Stroke{kRule, 0.8}});
    }
    void line(double x0, double x1) {
        page_.commands.emplace_back(Line{{x0, y_}, {x1, y_}, Stroke{kText, 0.8}});
    }
    [[nodiscard]] double y() const { return y_; }
    [[nodiscard]] double width() const { return width_; }
    [[nodiscard]] bool overflowed() const { return y_ > bottom_; }
    LayoutPage take() { return std::move(page_); }

private:
    const FontPair& fonts_;
    LayoutPage page_;
    double width_;
    double bottom_;
    double y_ = kTop;
};

} // namespace

Result<LayoutPage> layoutReferral(const ReferralLetter& l, const FontPair& fonts,
                                  const HandoutStrings& s) {
    if (l.level == TriageLevel::Routine) {
        return Error::refused("the triage is 'Routine': a referral letter is written for refer "
                              "and monitor, urgent referral or emergency");
    }
    const bool a4 = l.paper == HandoutOptions::Paper::A4;
    Pen pen(fonts, a4 ? 595.28 : 612, a4 ? 841.89 : 792);
    const char* suffix = l.level == TriageLevel::Emergency        ? "emergency"
                         : l.level == TriageLevel::UrgentReferral ? "urgent"
                                                                  : "monitor";
    const auto key = [&](const char* base) { return std::string(base) + "_" + suffix; };

    // The sender: the clinic.
    if (!l.clinic.name.empty()) {
        pen.text({{l.clinic.name, FontFace::Bold}}, kHeadingSize, kHeading);
    }
    std::string address = l.clinic.address;
    for (std::size_t start = 0; start < address.size();) {
        std::size_t end = address.find('\n', start);
        end = end == std::string::npos ? address.size() : end;
        pen.text({{address.substr(start, end - start)}}, kSmall, kMuted);
        start = end + 1;
    }
    if (!l.clinic.phone.empty()) {
        pen.text({{s.text("phone") + " ", FontFace::Bold}, {l.clinic.phone}}, kSmall, kMuted);
    }
    pen.gap(6);
    pen.rule();
    pen.gap(12);
    pen.text({{s.text("referral_title"), FontFace::Bold}}, kTitle, kHeading);
    pen.gap(4);
    pen.text({{s.text(key("referral_to").c_str()), FontFace::Bold}}, kBody);
    pen.text({{s.text("date") + " ", FontFace::Bold}, {s.longDate(l.sessionDate)}}, kBody);
    pen.gap(6);
    pen.text({{s.text("patient") + " ", FontFace::Bold}, {l.patientName}}, kBody);
    if (!l.patientBirthDate.empty()) {
        pen.text({{s.text("referral_birth_date") + " ", FontFace::Bold},
                  {s.longDate(l.patientBirthDate)}},
                 kBody);
    }
    if (!l.patientRecord.empty()) {
        pen.text({{s.text("referral_record") + " ", FontFace::Bold}, {l.patientRecord}}, kBody);
    }
    pen.text({{s.text("referral_triage") + " ", FontFace::Bold},
              {s.text(l.level == TriageLevel::Emergency        ? "level_emergency"
                      : l.level == TriageLevel::UrgentReferral ? "level_urgent_referral"
                                                               : "level_refer_and_monitor")}},
             kBody);
    pen.gap(10);
    pen.text({{s.text(key("referral_intro").c_str())}}, kBody);

    pen.gap(10);
    pen.text({{s.text("referral_findings"), FontFace::Bold}}, kHeadingSize, kHeading);
    for (const std::string& f : l.findings) {
        pen.bullet(f);
    }

    pen.gap(10);
    pen.text({{s.text("referral_scores"), FontFace::Bold}}, kHeadingSize, kHeading);
    const SessionScores& sc = l.scores;
    bool anyScore = false;
    if (sc.painNow && !sc.painBest && !sc.painWorst) {
        pen.bullet(s.format("referral_score_pain_now", {{"now", std::to_string(*sc.painNow)}}));
        anyScore = true;
    } else if (sc.painNow || sc.painBest || sc.painWorst) {
        const auto n = [](const std::optional<int>& v) {
            return v ? std::to_string(*v) : std::string("-");
        };
        pen.bullet(s.format(
            "referral_score_pain",
            {{"now", n(sc.painNow)}, {"best", n(sc.painBest)}, {"worst", n(sc.painWorst)}}));
        anyScore = true;
    }
    if (sc.odiPercent) {
        pen.bullet(s.format("referral_score_odi", {{"value", percent(*sc.odiPercent)}}));
        anyScore = true;
    }
    if (sc.ndiPercent) {
        pen.bullet(s.format("referral_score_ndi", {{"value", percent(*sc.ndiPercent)}}));
        anyScore = true;
    }
    if (sc.startBackTotal && sc.startBackRisk) {
        pen.bullet(s.format(
            "referral_score_start_back",
            {{"total", std::to_string(*sc.startBackTotal)},
             {"risk",
              s.text(("referral_risk_" + std::string(riskId(*sc.startBackRisk))).c_str())}}));
        anyScore = true;
    }
    if (!anyScore) {
        pen.text({{s.text("referral_no_scores")}}, kBody, kMuted);
    }

    pen.gap(10);
    pen.text({{s.text("referral_advice"), FontFace::Bold}}, kHeadingSize, kHeading);
    pen.text({{s.text(key("referral_advice").c_str())}}, kBody);
    pen.gap(8);
    pen.text({{s.text("referral_closing")}}, kBody);

    // Signature: the line, the clinician's name and credentials, the date.
    pen.gap(kBody * 3);
    const double sigW = pen.width() * 0.6;
    pen.line(kMargin, kMargin + sigW);
    pen.gap(4);
    std::string who = l.clinic.clinicianName;
    if (!l.clinic.clinicianCredentials.empty()) {
        who += (who.empty() ? "" : ", ") + l.clinic.clinicianCredentials;
    }
    pen.text({{s.text("signature") + (who.empty() ? "" : ": " + who)}}, kSmall, kMuted);
    if (pen.overflowed()) {
        return Error::refused("the referral letter does not fit on one page (" +
                              std::to_string(l.findings.size()) +
                              " findings): shorten the clinic's address or the findings");
    }
    return pen.take();
}

} // namespace hepdesk::handout
