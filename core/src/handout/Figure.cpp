#include "hepdesk/core/handout/Figure.h"

#include "hepdesk/core/JsonRead.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace hepdesk::handout {
namespace {

using nlohmann::json;
namespace jr = hepdesk::json;

constexpr double kTrunk = 30, kNeck = 4, kHeadR = 6.5, kUpperArm = 15, kForearm = 14, kThigh = 20,
                 kShin = 20, kFoot = 6.5;
constexpr Color kBody{62, 106, 138}, kBodyFar{168, 190, 208}, kPropFill{214, 220, 226},
    kPropLine{110, 110, 110}, kRoller{225, 169, 95}, kBall{229, 115, 115}, kArrow{211, 84, 0},
    kEye{255, 255, 255};

Point along(Point p, double angleDeg, double len) {
    const double a = angleDeg * std::numbers::pi / 180.0;
    return {p.x + len * std::cos(a), p.y + len * std::sin(a)};
}

Result<double> number(const json& o, std::string_view key, std::string_view src,
                      const std::string& ptr, std::optional<double> def = std::nullopt) {
    const auto it = o.find(std::string(key));
    if (it == o.end()) {
        if (def) {
            return *def;
        }
        return jr::fieldError(src, ptr + "/" + std::string(key), "missing number");
    }
    if (!it->is_number()) {
        return jr::fieldError(src, ptr + "/" + std::string(key),
                              "expected a number, got " + jr::describe(*it));
    }
    return it->get<double>();
}

Result<Point> point(const json& v, std::string_view src, const std::string& ptr) {
    if (!v.is_array() || v.size() != 2 || !v[0].is_number() || !v[1].is_number()) {
        return jr::fieldError(src, ptr, "expected [x, y], got " + jr::describe(v));
    }
    return Point{v[0].get<double>(), v[1].get<double>()};
}

Result<LimbPose> limb(const json& o, std::string_view key, LimbPose def, std::string_view src,
                      const std::string& ptr) {
    const auto it = o.find(std::string(key));
    if (it == o.end()) {
        return def;
    }
    auto p = point(*it, src, ptr + "/" + std::string(key));
    if (!p) {
        return p.error();
    }
    return LimbPose{p->x, p->y};
}

Result<BodyPose> body(const json& o, std::string_view src, const std::string& ptr) {
    if (!o.is_object()) {
        return jr::fieldError(src, ptr, "expected an object, got " + jr::describe(o));
    }
    for (const auto& [k, v] : o.items()) {
        static const std::vector<std::string> kKeys = {
            "hip", "trunk",   "curve", "neck",    "supine", "front",   "thigh_scale",
            "arm", "arm_far", "leg",   "leg_far", "foot",   "foot_far"};
        if (std::find(kKeys.begin(), kKeys.end(), k) == kKeys.end()) {
            return jr::fieldError(src, ptr + "/" + k, "unknown body field");
        }
    }
    BodyPose b;
    auto hip = point(o.value("hip", json()), src, ptr + "/hip");
    if (!hip) {
        return hip.error();
    }
    b.hip = *hip;
    auto trunk = number(o, "trunk", src, ptr, 90.0);
    auto curve = number(o, "curve", src, ptr, 0.0);
    if (!trunk || !curve) {
        return trunk ? curve.error() : trunk.error();
    }
    b.trunk = *trunk;
    b.curve = *curve;
    auto neck = number(o, "neck", src, ptr, b.trunk);
    if (!neck) {
        return neck.error();
    }
    b.neck = *neck;
    b.supine = o.value("supine", false);
    b.front = o.value("front", false);
    auto thighScale = number(o, "thigh_scale", src, ptr, 1.0);
    if (!thighScale) {
        return thighScale.error();
    }
    b.thighScale = std::clamp(*thighScale, 0.0, 1.0);
    // Front views mirror the far limbs unless told otherwise (arms out, legs apart).
    const auto mirror = [&](LimbPose l) {
        return b.front ? LimbPose{180 - l.upper, 180 - l.lower} : l;
    };
    auto arm = limb(o, "arm", {-90, -90}, src, ptr);
    if (!arm) {
        return arm.error();
    }
    auto armFar = limb(o, "arm_far", mirror(*arm), src, ptr);
    auto leg = limb(o, "leg", {-90, -90}, src, ptr);
    if (!armFar || !leg) {
        return armFar ? leg.error() : armFar.error();
    }
    auto legFar = limb(o, "leg_far", mirror(*leg), src, ptr);
    if (!legFar) {
        return legFar.error();
    }
    b.arm = *arm;
    b.armFar = *armFar;
    b.leg = *leg;
    b.legFar = *legFar;
    auto foot = number(o, "foot", src, ptr, b.leg.lower + 90);
    if (!foot) {
        return foot.error();
    }
    b.foot = *foot;
    // A far leg that copies the near one (side views) also copies its foot.
    const double footFarDefault =
        b.front ? 180 - b.foot : (o.contains("leg_far") ? b.legFar.lower + 90 : b.foot);
    auto footFar = number(o, "foot_far", src, ptr, footFarDefault);
    if (!footFar) {
        return footFar.error();
    }
    b.footFar = *footFar;
    return b;
}

Result<Prop> prop(const json& o, std::string_view src, const std::string& ptr) {
    static const std::map<std::string, Prop::Type, std::less<>> kTypes = {
        {"floor", Prop::Type::Floor}, {"mat", Prop::Type::Mat},       {"chair", Prop::Type::Chair},
        {"bed", Prop::Type::Bed},     {"roller", Prop::Type::Roller}, {"ball", Prop::Type::Ball},
        {"bar", Prop::Type::Bar},     {"wall", Prop::Type::Wall},     {"block", Prop::Type::Block},
        {"arrow", Prop::Type::Arrow}};
    if (!o.is_object() || !o.contains("type") || !o["type"].is_string()) {
        return jr::fieldError(src, ptr, "expected an object with a \"type\"");
    }
    const auto t = kTypes.find(o["type"].get<std::string>());
    if (t == kTypes.end()) {
        return jr::fieldError(
            src, ptr + "/type",
            "unknown prop " + jr::describe(o["type"]) +
                " (floor, mat, chair, bed, roller, ball, bar, wall, block, arrow)");
    }
    Prop p;
    p.type = t->second;
    for (const auto& [k, v] : o.items()) {
        if (k == "type") {
            continue;
        }
        if (k == "points" && p.type == Prop::Type::Arrow && v.is_array() && v.size() >= 2) {
            for (std::size_t i = 0; i < v.size(); ++i) {
                auto pt = point(v[i], src, ptr + "/points/" + std::to_string(i));
                if (!pt) {
                    return pt.error();
                }
                p.points.push_back(*pt);
            }
        } else if (k == "back" && v.is_string() && (v == "left" || v == "right")) {
            p.backLeft = v == "left";
        } else if (v.is_number()) {
            p.v[k] = v.get<double>();
        } else {
            return jr::fieldError(src, ptr + "/" + k, "unexpected value " + jr::describe(v));
        }
    }
    if (p.type == Prop::Type::Arrow && p.points.empty()) {
        return jr::fieldError(src, ptr + "/points", "an arrow needs at least two points");
    }
    return p;
}

} // namespace

Result<Figure> figureFromJson(const json& j, std::string_view src) {
    if (!j.is_object()) {
        return jr::fieldError(src, "", "expected an object");
    }
    Figure f;
    if (!j.contains("id") || !j["id"].is_string()) {
        return jr::fieldError(src, "/id", "missing exercise id");
    }
    f.id = j["id"].get<std::string>();
    if (j.contains("size")) {
        auto s = point(j["size"], src, "/size");
        if (!s) {
            return s.error();
        }
        if (s->x < 10 || s->y < 10) {
            return jr::fieldError(src, "/size", "width and height must be at least 10");
        }
        f.width = s->x;
        f.height = s->y;
    }
    const json& poses = j.value("poses", json());
    if (!poses.is_array() || poses.empty() || poses.size() > 2) {
        return jr::fieldError(src, "/poses", "expected one or two poses");
    }
    for (std::size_t i = 0; i < poses.size(); ++i) {
        const std::string ptr = "/poses/" + std::to_string(i);
        const json& pj = poses[i];
        if (!pj.is_object()) {
            return jr::fieldError(src, ptr, "expected an object");
        }
        Pose pose;
        pose.label = pj.value("label", std::string());
        auto b = body(pj.value("body", json()), src, ptr + "/body");
        if (!b) {
            return b.error();
        }
        pose.body = *b;
        const json& props = pj.value("props", json::array());
        for (std::size_t k = 0; k < props.size(); ++k) {
            auto p = prop(props[k], src, ptr + "/props/" + std::to_string(k));
            if (!p) {
                return p.error();
            }
            pose.props.push_back(std::move(*p));
        }
        f.poses.push_back(std::move(pose));
    }
    return f;
}

Result<std::map<std::string, Figure, std::less<>>> loadFigures(const std::filesystem::path& dir) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
        return Error::notFound("figure folder '" + dir.string() + "' does not exist");
    }
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
        if (e.path().extension() == ".json") {
            files.push_back(e.path());
        }
    }
    std::sort(files.begin(), files.end());
    std::map<std::string, Figure, std::less<>> out;
    for (const auto& p : files) {
        auto j = jr::parseFile(p.string(), kMaxJsonFileBytes, "figure file");
        if (!j) {
            return j.error();
        }
        auto f = figureFromJson(*j, p.string());
        if (!f) {
            return f.error();
        }
        if (f->id != p.stem().string()) {
            return jr::fieldError(p.string(), "/id",
                                  "must equal the file name '" + p.stem().string() + "'");
        }
        out.emplace(f->id, std::move(*f));
    }
    return out;
}

namespace {

/// Maps figure units (y up) into a box of the page (y down).
struct Mapper {
    double scale;
    double ox;
    double oy; ///< page y of figure y = 0
    [[nodiscard]] Point operator()(Point p) const { return {ox + p.x * scale, oy - p.y * scale}; }
    [[nodiscard]] double len(double v) const { return v * scale; }
};

void segment(const Mapper& m, Point a, Point b, double width, Color c,
             std::vector<DrawCommand>& out) {
    out.emplace_back(Line{m(a), m(b), Stroke{c, m.len(width)}});
}

void drawProp(const Figure& f, const Prop& p, const Mapper& m, std::vector<DrawCommand>& out) {
    const auto v = [&](const char* k, double def) {
        const auto it = p.v.find(k);
        return it == p.v.end() ? def : it->second;
    };
    const Stroke line{kPropLine, m.len(1.2)};
    switch (p.type) {
    case Prop::Type::Floor:
        out.emplace_back(Line{m({0, v("y", 0)}), m({f.width, v("y", 0)}), line});
        break;
    case Prop::Type::Mat: {
        const Point tl = m({v("x0", 5), 2.5});
        const Point br = m({v("x1", f.width - 5), 0});
        out.emplace_back(Rect{tl, br.x - tl.x, br.y - tl.y, kPropFill, line});
        break;
    }
    case Prop::Type::Chair: {
        const double x = v("x", 40), seat = v("seat", 22), w = v("w", 20), back = v("back_h", 24);
        const double bx = p.backLeft ? x - w / 2 : x + w / 2;
        const double fx = p.backLeft ? x + w / 2 : x - w / 2;
        const Stroke thick{kPropLine, m.len(2)};
        out.emplace_back(Line{m({x - w / 2, seat}), m({x + w / 2, seat}), thick});
        out.emplace_back(Line{m({fx, seat}), m({fx, 0}), thick});
        out.emplace_back(Line{m({bx, 0}), m({bx, seat + back}), thick});
        break;
    }
    case Prop::Type::Bed: {
        const double x0 = v("x0", 0), x1 = v("x1", 60), h = v("h", 26);
        const Point tl = m({x0, h});
        const Point br = m({x1, h - 7});
        out.emplace_back(Rect{tl, br.x - tl.x, br.y - tl.y, kPropFill, line});
        const Stroke thick{kPropLine, m.len(2)};
        out.emplace_back(Line{m({x0 + 3, h - 7}), m({x0 + 3, 0}), thick});
        out.emplace_back(Line{m({x1 - 3, h - 7}), m({x1 - 3, 0}), thick});
        break;
    }
    case Prop::Type::Roller:
        out.emplace_back(Circle{m({v("x", 50), v("y", 6)}), m.len(v("r", 6)), kRoller, line});
        break;
    case Prop::Type::Ball:
        out.emplace_back(Circle{m({v("x", 50), v("y", 3)}), m.len(v("r", 3)), kBall, line});
        break;
    case Prop::Type::Bar: {
        const double y = v("y", 100);
        out.emplace_back(
            Line{m({v("x0", 30), y}), m({v("x1", 90), y}), Stroke{kPropLine, m.len(2.5)}});
        break;
    }
    case Prop::Type::Wall: {
        const double x = v("x", 10), y0 = v("y0", 0), y1 = v("y1", f.height);
        out.emplace_back(Line{m({x, y0}), m({x, y1}), Stroke{kPropLine, m.len(2)}});
        const double dir = v("side", -1) < 0 ? -1 : 1;
        for (double y = y0 + 4; y < y1; y += 8) {
            out.emplace_back(Line{m({x, y}), m({x + dir * 4, y - 4}), line});
        }
        break;
    }
    case Prop::Type::Block: {
        const Point tl = m({v("x", 0), v("y", 0) + v("h", 4)});
        const Point br = m({v("x", 0) + v("w", 10), v("y", 0)});
        out.emplace_back(Rect{tl, br.x - tl.x, br.y - tl.y, kPropFill, line});
        break;
    }
    case Prop::Type::Arrow: {
        Polyline pl;
        for (const Point& pt : p.points) {
            pl.points.push_back(m(pt));
        }
        pl.stroke = Stroke{kArrow, m.len(1.3)};
        out.emplace_back(pl);
        const Point a = p.points[p.points.size() - 2];
        const Point b = p.points.back();
        const double ang = std::atan2(b.y - a.y, b.x - a.x) * 180.0 / std::numbers::pi;
        Polyline head;
        head.points = {m(b), m(along(b, ang + 150, 4)), m(along(b, ang - 150, 4))};
        head.closed = true;
        head.fill = kArrow;
        out.emplace_back(head);
        break;
    }
    }
}

void drawLimb(const Mapper& m, Point root, LimbPose l, double a, double b, Color c,
              std::vector<DrawCommand>& out, double footAngle = 1000);

/// The body seen from the front: a trunk with shoulder and hip width, limbs on both sides.
void drawFront(const BodyPose& b, Point shoulder, const Mapper& m, std::vector<DrawCommand>& out) {
    const double side = b.trunk - 90; // towards the picture's right
    const Point sr = along(shoulder, side, 8), sl = along(shoulder, side + 180, 8);
    const Point hr = along(b.hip, side, 5), hl = along(b.hip, side + 180, 5);
    drawLimb(m, hl, b.legFar, kThigh * b.thighScale, kShin, kBody, out, b.footFar);
    drawLimb(m, hr, b.leg, kThigh * b.thighScale, kShin, kBody, out, b.foot);
    Polyline trunk;
    trunk.points = {m(hl), m(hr), m(sr), m(sl)};
    trunk.closed = true;
    trunk.fill = kBody;
    trunk.stroke = Stroke{kBody, m.len(4)};
    out.emplace_back(trunk);
    const Point neckEnd = along(shoulder, b.neck, kNeck);
    segment(m, shoulder, neckEnd, 5, kBody, out);
    out.emplace_back(Circle{m(along(neckEnd, b.neck, kHeadR)), m.len(kHeadR), kBody, std::nullopt});
    drawLimb(m, sl, b.armFar, kUpperArm, kForearm, kBody, out);
    drawLimb(m, sr, b.arm, kUpperArm, kForearm, kBody, out);
}

void drawLimb(const Mapper& m, Point root, LimbPose l, double a, double b, Color c,
              std::vector<DrawCommand>& out, double footAngle) {
    const Point mid = along(root, l.upper, a);
    const Point end = along(mid, l.lower, b);
    segment(m, root, mid, 5.5, c, out);
    segment(m, mid, end, 5, c, out);
    if (footAngle < 999) {
        segment(m, end, along(end, footAngle, kFoot), 3.5, c, out);
    }
}

} // namespace

void drawPose(const Figure& f, const Pose& pose, Point topLeft, double boxWidth, double boxHeight,
              std::vector<DrawCommand>& out) {
    const double scale = std::min(boxWidth / f.width, boxHeight / f.height);
    const Mapper m{scale, topLeft.x + (boxWidth - f.width * scale) / 2,
                   topLeft.y + (boxHeight + f.height * scale) / 2};
    for (const Prop& p : pose.props) {
        if (p.type != Prop::Type::Arrow) {
            drawProp(f, p, m, out);
        }
    }
    const BodyPose& b = pose.body;
    const Point shoulder = along(b.hip, b.trunk, kTrunk);
    if (b.front) {
        drawFront(b, shoulder, m, out);
        for (const Prop& p : pose.props) {
            if (p.type == Prop::Type::Arrow) {
                drawProp(f, p, m, out);
            }
        }
        return;
    }
    const double front = b.supine ? b.trunk + 90 : b.trunk - 90;
    // Far limbs first (lighter), so the near ones and the trunk overlap them.
    drawLimb(m, b.hip, b.legFar, kThigh, kShin, kBodyFar, out, b.footFar);
    drawLimb(m, shoulder, b.armFar, kUpperArm, kForearm, kBodyFar, out);
    // Trunk: a thick bent stroke; the bend bulges towards the back for a rounded spine.
    Polyline trunk;
    const Point mid =
        along({(b.hip.x + shoulder.x) / 2, (b.hip.y + shoulder.y) / 2}, front + 180, b.curve);
    for (int i = 0; i <= 10; ++i) {
        const double t = i / 10.0;
        const double u = 1 - t;
        // Quadratic Bezier through the mid point: control = 2*mid - (a+b)/2.
        const Point c{2 * mid.x - (b.hip.x + shoulder.x) / 2,
                      2 * mid.y - (b.hip.y + shoulder.y) / 2};
        trunk.points.push_back(m({u * u * b.hip.x + 2 * u * t * c.x + t * t * shoulder.x,
                                  u * u * b.hip.y + 2 * u * t * c.y + t * t * shoulder.y}));
    }
    trunk.stroke = Stroke{kBody, m.len(10)};
    out.emplace_back(trunk);
    const Point neckEnd = along(shoulder, b.neck, kNeck);
    segment(m, shoulder, neckEnd, 4.5, kBody, out);
    const Point head = along(neckEnd, b.neck, kHeadR);
    out.emplace_back(Circle{m(head), m.len(kHeadR), kBody, std::nullopt});
    const double face = b.supine ? b.neck + 90 : b.neck - 90;
    out.emplace_back(Circle{m(along(along(head, face, kHeadR * 0.45), b.neck, 1.5)), m.len(1.1),
                            kEye, std::nullopt});
    drawLimb(m, b.hip, b.leg, kThigh, kShin, kBody, out, b.foot);
    drawLimb(m, shoulder, b.arm, kUpperArm, kForearm, kBody, out);
    for (const Prop& p : pose.props) {
        if (p.type == Prop::Type::Arrow) {
            drawProp(f, p, m, out);
        }
    }
}

} // namespace hepdesk::handout
