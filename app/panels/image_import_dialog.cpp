// Importing a picture as the input: grayscale or RGB, the grid size (8×8 to
// 256×256, e.g. 28×28 like MNIST, or the picture's own aspect), crop, fit or
// stretch, values 0–255 or 0–1, and a preview of the grid those options give
// that shows what crop cuts off and where fit's bars of 0 are.
#include <algorithm>
#include <string>
#include <utility>

#include "app/i18n/i18n.h"
#include "app/image/image_file.h"
#include "app/panels/panels.h"
#include "app/shell/theme.h"
#include "app/state/document.h"
#include "app/widgets/grid_view.h"
#include "app/widgets/panel_frame.h"
#include "app/widgets/tooltip.h"

namespace convstep {

namespace {

bool SameOptions(const ImageGridOptions& a, const ImageGridOptions& b) {
  return a.rgb == b.rgb && a.height == b.height && a.width == b.width && a.scale == b.scale && a.fit == b.fit;
}

// The grid as the picture's pixels would be seen: channel 0 as grey, or the
// three channels as colour; fit's bars in the padding colour, since they are
// zeros that came from no pixel, as padding is, and the picture's part framed.
GridDraw PreviewGrid(const Tensor3& g, const ImageGridOptions& options, const ImagePlacement& place) {
  GridDraw grid;
  grid.name = "import/preview";
  grid.rows = g.h;
  grid.cols = g.w;
  grid.cell = std::clamp(256.0f / static_cast<float>(std::max(g.h, g.w)), 1.0f, 24.0f);
  for (int y = 0; y < g.h; ++y) {
    for (int x = 0; x < g.w; ++x) {
      const bool bar = y < place.cell_y || y >= place.cell_y + place.cell_h || x < place.cell_x ||
                       x >= place.cell_x + place.cell_w;
      auto level = [&](int c) {
        return static_cast<int>(std::clamp(g.at(c, y, x) / options.scale, 0.0, 1.0) * 255.0);
      };
      grid.fills.push_back(bar        ? CurrentColors().padding_fill
                           : g.c == 3 ? IM_COL32(level(0), level(1), level(2), 255)
                                      : IM_COL32(level(0), level(0), level(0), 255));
    }
  }
  if (options.fit == ImageFit::kFit) {
    grid.outlines.push_back({static_cast<float>(place.cell_y), static_cast<float>(place.cell_x),
                             static_cast<float>(place.cell_h), static_cast<float>(place.cell_w),
                             CurrentColors().data_edge, 1.5f});
  }
  return grid;
}

// Crop: the grid drawn where its pixels lie in the whole picture, the parts
// cut off as padding-coloured bands either side and the picture framed, so
// the student sees what the crop loses. A band is at most as long as the
// grid's side: a panorama's would push the grid out of the dialog.
void DrawCropPreview(const GridDraw& grid, int width, int height, const ImagePlacement& p) {
  const float per_pixel = grid.cell * static_cast<float>(grid.cols) / static_cast<float>(p.source_w);
  const ImVec2 grid_size(grid.cell * static_cast<float>(grid.cols), grid.cell * static_cast<float>(grid.rows));
  const auto band = [&](int pixels, float side) { return std::min(static_cast<float>(pixels) * per_pixel, side); };
  const float left = band(p.source_x, grid_size.x);
  const float right = band(width - p.source_x - p.source_w, grid_size.x);
  const float top = band(p.source_y, grid_size.y);
  const float bottom = band(height - p.source_y - p.source_h, grid_size.y);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 end(origin.x + left + grid_size.x + right, origin.y + top + grid_size.y + bottom);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(origin, end, CurrentColors().padding_fill);
  ImGui::SetCursorScreenPos(ImVec2(origin.x + left, origin.y + top));
  DrawGrid(grid);
  draw->AddRect(origin, end, CurrentColors().data_edge, 0.0f, 0, 1.5f);
  ImGui::SetCursorScreenPos(origin);
  ImGui::Dummy(ImVec2(end.x - origin.x, end.y - origin.y));
}

}  // namespace

void DrawImageImportDialog(AppState& state) {
  if (state.view.pending_image.empty()) return;
  ImageImportState& import = state.view.image_import;
  ImageGridOptions& options = import.options;
  // The preview is decoded again only when the picture or the options change.
  if (import.preview_path != state.view.pending_image || !SameOptions(import.preview_options, options)) {
    if (import.preview_path != state.view.pending_image) {
      const Result<ImageSize> size = ReadImageSize(state.view.pending_image);
      import.picture_width = size ? size->width : 0;
      import.picture_height = size ? size->height : 0;
    }
    import.preview_path = state.view.pending_image;
    import.preview_options = options;
    import.preview = LoadImageGrid(state.view.pending_image, options);
  }
  const std::string id = TrId("image.title");
  ImGui::OpenPopup(id.c_str());
  if (ImGui::BeginPopupModal(id.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::TextUnformatted(state.view.pending_image.c_str());
    // A preview that decoded had a readable header, so the size is known.
    const bool sized = import.preview && import.picture_width > 0 && import.picture_height > 0;
    if (sized) {
      ImGui::TextUnformatted(TrFormat("image.picture_size", {std::to_string(import.picture_width),
                                                             std::to_string(import.picture_height)})
                                 .c_str());
    }
    int channels = options.rgb ? 1 : 0;
    ImGui::RadioButton(TrId("image.grayscale").c_str(), &channels, 0);
    ConceptTooltip("tip.image_channels");
    ImGui::SameLine();
    ImGui::RadioButton(TrId("image.rgb").c_str(), &channels, 1);
    ConceptTooltip("tip.image_channels");
    options.rgb = channels == 1;
    int size[2] = {options.height, options.width};
    ImGui::SetNextItemWidth(Scaled(160));
    if (ImGui::InputInt2(TrId("image.size").c_str(), size)) {
      options.height = std::clamp(size[0], kMinImageGridSide, kMaxGridSide);
      options.width = std::clamp(size[1], kMinImageGridSide, kMaxGridSide);
    }
    ConceptTooltip("tip.image_size");
    ImGui::SameLine();
    ImGui::BeginDisabled(!sized);
    if (ImGui::Button(TrId("image.aspect").c_str())) {
      options = WithPictureAspect(options, import.picture_width, import.picture_height);
    }
    ImGui::EndDisabled();
    ConceptTooltip("tip.image_aspect");
    int fit = static_cast<int>(options.fit);
    const std::pair<ImageFit, const char*> fits[] = {
        {ImageFit::kCrop, "image.crop"}, {ImageFit::kFit, "image.fit"}, {ImageFit::kStretch, "image.stretch"}};
    for (const auto& [value, key] : fits) {
      if (value != ImageFit::kCrop) ImGui::SameLine();
      ImGui::RadioButton(TrId(key).c_str(), &fit, static_cast<int>(value));
      ConceptTooltip("tip.image_fit");
    }
    options.fit = static_cast<ImageFit>(fit);
    int scale = options.scale == 1 ? 1 : 0;
    ImGui::RadioButton(TrId("image.scale_255").c_str(), &scale, 0);
    ConceptTooltip("tip.image_scale");
    ImGui::SameLine();
    ImGui::RadioButton(TrId("image.scale_1").c_str(), &scale, 1);
    ConceptTooltip("tip.image_scale");
    options.scale = scale == 1 ? 1.0 : 255.0;
    if (import.preview) {
      // The placement of the options the preview was decoded with, which
      // this frame's clicks may already have changed.
      const ImagePlacement place =
          sized ? PlaceImage(import.picture_width, import.picture_height, import.preview_options)
                : ImagePlacement{0, 0, 1, 1, 0, 0, import.preview->w, import.preview->h};
      const GridDraw grid = PreviewGrid(*import.preview, import.preview_options, place);
      if (import.preview_options.fit == ImageFit::kCrop && sized) {
        ImGui::TextUnformatted(
            TrFormat("image.cropped", {std::to_string(place.source_w), std::to_string(place.source_h)}).c_str());
        DrawCropPreview(grid, import.picture_width, import.picture_height, place);
      } else {
        if (import.preview_options.fit == ImageFit::kFit) {
          ImGui::TextUnformatted(
              TrFormat("image.bars", {std::to_string(place.cell_h), std::to_string(place.cell_w)}).c_str());
        }
        DrawGrid(grid);
      }
    } else {
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(CurrentColors().error), "%s", import.preview.error().c_str());
    }
    ImGui::BeginDisabled(!import.preview);
    if (ImGui::Button(TrId("image.import").c_str())) {
      ImportImage(state, state.view.pending_image, options);
      state.view.pending_image.clear();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(TrId("dialog.cancel").c_str())) state.view.pending_image.clear();
    ImGui::EndPopup();
  }
}

}  // namespace convstep
