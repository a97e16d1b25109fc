#pragma once

#include <string>

namespace hepdesk::test {

/// A real PNG (8-bit RGB, stored deflate blocks) of `width` x `height`: a small outdoor scene
/// (sky, ground, an orange sun) so a person looking at a screenshot can tell it is the photo.
std::string pngImage(int width, int height);

/// A real baseline JPEG of `width` x `height`, plain mid-grey (every block is DC-only), made
/// without an image library; Qt, libharu and Poppler all read it.
std::string greyJpeg(int width, int height);

} // namespace hepdesk::test
