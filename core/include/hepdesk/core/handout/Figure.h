#pragma once

#include "hepdesk/core/Error.h"
#include "hepdesk/core/handout/Painter.h"

#include <filesystem>
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace hepdesk::handout {

/// Angles of a two-segment limb, in degrees, absolute (0 = pointing right, 90 = up).
struct LimbPose {
    double upper = -90;
    double lower = -90;
};

/// A stick-and-shape person seen from the side, facing right, in figure units (y up, the
/// floor at y = 0). Segment lengths are fixed (trunk 30, upper arm 15, forearm 14, thigh 20,
/// shin 20, head radius 6.5), so a pose is just the hip position and the segment angles.
struct BodyPose {
    Point hip;           ///< in figure units, y up
    double trunk = 90;   ///< hip -> shoulders
    double curve = 0;    ///< > 0 rounds the back, < 0 arches it (units at mid-trunk)
    double neck = 90;    ///< shoulders -> head
    bool supine = false; ///< front of the body faces up (lying on the back)
    /// Seen from the front (or back) instead of the side: shoulders and hips get their width,
    /// "arm"/"leg" are the limbs on the picture's right, the "_far" ones (mirrored by
    /// default) on its left, both in the same colour; no eye is drawn.
    bool front = false;
    double thighScale = 1; ///< < 1 foreshortens thighs that point at the viewer (sitting)
    LimbPose arm{-90, -90};
    LimbPose armFar{-90, -90};
    LimbPose leg{-90, -90};
    LimbPose legFar{-90, -90};
    double foot = 0; ///< absolute angle of the near foot
    double footFar = 0;
};

/// Something the person uses or lies on; parameters in figure units.
struct Prop {
    enum class Type { Floor, Mat, Chair, Bed, Roller, Ball, Bar, Wall, Block, Arrow };
    Type type = Type::Floor;
    std::map<std::string, double, std::less<>> v; ///< named numbers ("x", "y", "r", ...)
    std::vector<Point> points;                    ///< arrows only
    bool backLeft = false;                        ///< chairs: backrest on the left side
};

/// One picture: a body and its props.
struct Pose {
    std::string label; ///< "start", "end" or empty
    BodyPose body;
    std::vector<Prop> props;
};

/// The illustration of one exercise: one pose, or a start and an end pose.
struct Figure {
    std::string id;
    double width = 120;
    double height = 100;
    std::vector<Pose> poses;
};

/// Parses templates/figures/<id>.json; errors name the file and the JSON pointer.
Result<Figure> figureFromJson(const nlohmann::json& j, std::string_view source);
/// Loads every *.json file of `dir`, keyed by figure id.
Result<std::map<std::string, Figure, std::less<>>> loadFigures(const std::filesystem::path& dir);

/// Draws `pose` of `figure` scaled uniformly and centred into the box (layout space).
void drawPose(const Figure& figure, const Pose& pose, Point topLeft, double boxWidth,
              double boxHeight, std::vector<DrawCommand>& out);

} // namespace hepdesk::handout
