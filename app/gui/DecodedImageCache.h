#pragma once

#include "hepdesk/core/handout/Painter.h"

#include <QImage>
#include <QSize>
#include <memory>

namespace hepdesk::gui {

/// Decoded pictures of the handout's images (clinic logo, exercise photos) for the Qt painter:
/// a phone photo takes far longer to decode than the whole preview takes to draw, so each is
/// decoded once (at most kMaxSide pixels on its long side, plenty for a 600 dpi print of the
/// picture box) and kept for as long as its data lives, up to kCapacity pictures.
class DecodedImageCache {
public:
    static constexpr int kMaxSide = 2048;
    static constexpr std::size_t kCapacity = 12;

    /// The decoded picture; a null QImage when the bytes cannot be decoded.
    static QImage get(const std::shared_ptr<const handout::ImageData>& data);

    /// Decodes `bytes` (PNG or JPEG) scaled down to fit `fit` (aspect kept), never scaled up;
    /// reads only what that size needs (JPEG decoding scales while reading). Not cached.
    static QImage decode(const std::string& bytes, QSize fit);
};

} // namespace hepdesk::gui
