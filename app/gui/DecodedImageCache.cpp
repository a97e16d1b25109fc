#include "DecodedImageCache.h"

#include <QBuffer>
#include <QByteArray>
#include <QImageReader>
#include <mutex>
#include <vector>

namespace hepdesk::gui {
namespace {

struct Entry {
    std::weak_ptr<const handout::ImageData> data;
    QImage image;
};

/// Most recently used last.
std::vector<Entry>& entries() {
    static std::vector<Entry> e;
    return e;
}

std::mutex& lock() {
    static std::mutex m;
    return m;
}

} // namespace

QImage DecodedImageCache::decode(const std::string& bytes, QSize fit) {
    QByteArray data = QByteArray::fromRawData(bytes.data(), static_cast<qsizetype>(bytes.size()));
    QBuffer buffer(&data);
    if (!buffer.open(QIODevice::ReadOnly)) {
        return {};
    }
    QImageReader reader(&buffer);
    // Upright like the PDF draws it (a phone JPEG's EXIF orientation; see ImageData).
    reader.setAutoTransform(true);
    const QSize size = reader.size();
    if (size.isValid() && (size.width() > fit.width() || size.height() > fit.height())) {
        reader.setScaledSize(size.scaled(fit, Qt::KeepAspectRatio));
    }
    return reader.read();
}

QImage DecodedImageCache::get(const std::shared_ptr<const handout::ImageData>& data) {
    if (!data) {
        return {};
    }
    const std::lock_guard guard(lock());
    auto& all = entries();
    std::erase_if(all, [](const Entry& e) { return e.data.expired(); });
    for (auto it = all.begin(); it != all.end(); ++it) {
        if (it->data.lock() == data) {
            Entry hit = std::move(*it);
            all.erase(it);
            all.push_back(std::move(hit));
            return all.back().image;
        }
    }
    // A picture that cannot be decoded is remembered too (as a null image): it is not retried
    // on every repaint.
    QImage image = decode(data->bytes, QSize(kMaxSide, kMaxSide));
    if (all.size() >= kCapacity) {
        all.erase(all.begin());
    }
    all.push_back(Entry{data, image});
    return image;
}

} // namespace hepdesk::gui
