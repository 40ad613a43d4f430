// convstep-cli grid FILE: what a grid file holds, as the JSON a spec's
// "input" takes, so a student can check a file before naming it in a spec.
// A picture is turned into a grid first: grid FILE [--gray | --rgb]
// [--size HxW] [--fit crop|fit|stretch] [--scale 255|1].
#include <charconv>
#include <memory>
#include <optional>
#include <vector>

#include "app/cli/command.h"
#include "app/cli/spec_input.h"
#include "app/image/image_file.h"
#include "core/formats/grid_file.h"

namespace convstep::cli {

namespace {

// The picture options as typed, and their CLI11 options, which tell whether
// any was typed at all: that is a mistake for a grid file.
struct ImageArgs {
  ImageGridOptions options;
  std::string size = "28x28";
  std::string fit = ImageFitName(ImageGridOptions{}.fit);
  std::vector<CLI::Option*> cli_options;
};

// "HxW", e.g. 28x28, as the options' height and width (their range is
// CheckImageGridOptions's to judge).
Result<ImageGridOptions> WithSize(ImageGridOptions options, const std::string& size) {
  const std::size_t x = size.find_first_of("xX");
  const char* end = size.data() + size.size();
  if (x != std::string::npos) {
    const auto h = std::from_chars(size.data(), size.data() + x, options.height);
    const auto w = std::from_chars(size.data() + x + 1, end, options.width);
    if (h.ec == std::errc() && h.ptr == size.data() + x && w.ec == std::errc() && w.ptr == end) return options;
  }
  return Error{"--size must be HxW, e.g. 28x28, not '" + size + "'"};
}

// A picture through LoadImageGrid with the options typed, anything else
// through LoadGridFile.
Result<Tensor3> LoadGridArgument(const std::string& path, const ImageArgs& image) {
  if (IsImagePath(path)) {
    const std::optional<ImageFit> fit = ImageFitFromName(image.fit);
    if (!fit) return Error{"--fit must be crop, fit or stretch, not '" + image.fit + "'"};
    ImageGridOptions fitted = image.options;
    fitted.fit = *fit;
    Result<ImageGridOptions> options = WithSize(fitted, image.size);
    if (!options) return Error{options.error()};
    return LoadImageGrid(path, *options);
  }
  for (const CLI::Option* option : image.cli_options) {
    if (option->count() > 0) {
      return Error{option->get_name() + " applies to pictures (.png, .jpg, .jpeg, .bmp or .gif), not to '" + path +
                   "'"};
    }
  }
  return LoadGridFile(path);
}

}  // namespace

void AddGridCommand(CLI::App& app, CommandRun* run) {
  auto path = std::make_shared<std::string>();
  auto image = std::make_shared<ImageArgs>();
  CLI::App* grid = app.add_subcommand(
      "grid", "A grid file (.csv, .tsv, .txt or .npy) or a picture (.png, .jpg, .jpeg, .bmp or .gif) as "
              "{\"shape\", \"data\"}");
  grid->add_option("FILE", *path, "grid file or picture")->required();
  image->cli_options = {
      grid->add_flag("--gray")->description("pictures: one channel of luma, 0.299 R + 0.587 G + 0.114 B (the default)"),
      grid->add_flag("--rgb", image->options.rgb, "pictures: three channels, red, green and blue"),
      grid->add_option("--size", image->size, "pictures: the grid's rows x columns, 8 to 256 each (default 28x28)"),
      grid->add_option("--fit", image->fit,
                       "pictures of another shape than the grid: crop the centre (default), fit whole between bars "
                       "of 0, or stretch"),
      grid->add_option("--scale", image->options.scale, "pictures: 255 for values 0 to 255 (default), 1 for 0 to 1")};
  image->cli_options[0]->excludes(image->cli_options[1]);
  grid->callback([run, path, image] {
    *run = [path, image]() -> Result<std::string> {
      Result<Tensor3> t = LoadGridArgument(*path, *image);
      if (!t) return Error{t.error()};
      return Print({{"shape", {t->c, t->h, t->w}}, {"data", ToJson(*t)}});
    };
  });
}

}  // namespace convstep::cli
