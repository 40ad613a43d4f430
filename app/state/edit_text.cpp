#include "app/state/edit_text.h"

#include <cstdio>
#include <utility>

#include "app/i18n/i18n.h"
#include "core/session/grid_ref.h"

namespace convstep {

namespace {

// The name of each kind of edit (EditNote::what) in the tables.
constexpr std::pair<const char*, const char*> kEditNames[] = {
    {"kernel", "edit.kernel"},           {"stride", "edit.stride"},
    {"dilation", "edit.dilation"},       {"padding", "edit.padding"},
    {"padding_mode", "edit.padding_mode"}, {"filters", "edit.filters"},
    {"groups", "edit.groups"},
    {"bias", "edit.bias"},               {"bias_value", "edit.bias_value"},
    {"input_size", "edit.input_size"},   {"input", "edit.input"},
    {"cell", "edit.cell"},               {"paste", "edit.paste"},
    {"paste_resize", "edit.paste_resize"}, {"paste_resize_kernels", "edit.paste_resize_kernels"},
    {"fill_zeros", "edit.fill_zeros"},   {"fill_random", "edit.fill_random"},
    {"classic_kernel", "edit.classic_kernel"}, {"pooling", "edit.pooling"},
    {"model", "edit.model"},             {"activation", "edit.activation"},
    {"open", "edit.open"},               {"from_network", "edit.from_network"},
    {"trained", "edit.trained"}};

const char* EditName(const std::string& what) {
  for (const auto& [name, key] : kEditNames) {
    if (what == name) return Tr(key);
  }
  return what.c_str();
}

// Where the edit happened: a grid (with a cell after '@'), a filter, the
// whole input or all kernels (the fill tools), or a file's path.
std::string WhereText(const std::string& where) {
  if (where.empty()) return "";
  const size_t at = where.find('@');
  if (ParseGridRef(where.substr(0, at))) {
    std::string text = GridDisplayName(where.substr(0, at));
    int row = 0;
    int col = 0;
    if (at != std::string::npos && std::sscanf(where.c_str() + at + 1, "%d,%d", &row, &col) == 2) {
      text += " (" + std::to_string(row) + ", " + std::to_string(col) + ")";
    }
    return text;
  }
  if (where == "input") return Tr("edit.where_input");
  if (where == "kernels") return Tr("edit.where_kernels");
  if (where.find_first_not_of("0123456789") == std::string::npos) return TrFormat("edit.where_filter", {where});
  return where;
}

// The sentence of each coded core error (Error::code) in the tables.
constexpr std::pair<const char*, const char*> kErrorKeys[] = {
    {"fashion_mnist.bad_label", "error.fashion_mnist_bad_label"},
    {"fashion_mnist.count_mismatch", "error.fashion_mnist_count_mismatch"},
    {"fashion_mnist.model_input", "error.fashion_mnist_model_input"},
    {"fashion_mnist.no_file", "error.fashion_mnist_no_file"},
    {"fashion_mnist.no_folder", "error.fashion_mnist_no_folder"},
    {"fashion_mnist.not_28x28", "error.fashion_mnist_not_28x28"},
    {"file.missing", "error.file_missing"},
    {"file.folder", "error.file_folder"},
    {"file.too_large", "error.file_too_large"},
    {"grid.binary", "error.grid_binary"},
    {"grid.channel_size", "error.grid_channel_size"},
    {"grid.empty_cell", "error.grid_empty_cell"},
    {"grid.no_numbers", "error.grid_no_numbers"},
    {"grid.not_a_number", "error.grid_not_a_number"},
    {"grid.not_finite", "error.grid_not_finite"},
    {"grid.not_grid_file", "error.grid_not_grid_file"},
    {"grid.out_of_range", "error.grid_out_of_range"},
    {"grid.ragged_many", "error.grid_ragged_many"},
    {"grid.ragged_one", "error.grid_ragged_one"},
    {"gzip.damaged", "error.gzip_damaged"},
    {"gzip.too_large", "error.gzip_too_large"},
    {"gzip.truncated", "error.gzip_truncated"},
    {"idx.empty", "error.idx_empty"},
    {"idx.images_rank", "error.idx_images_rank"},
    {"idx.labels_rank", "error.idx_labels_rank"},
    {"idx.not_idx", "error.idx_not_idx"},
    {"idx.not_ubyte", "error.idx_not_ubyte"},
    {"idx.too_large", "error.idx_too_large"},
    {"idx.too_many", "error.idx_too_many"},
    {"idx.trailing_data", "error.idx_trailing_data"},
    {"idx.truncated_data", "error.idx_truncated_data"},
    {"idx.truncated_header", "error.idx_truncated_header"},
    {"json.malformed", "error.json_malformed"},
    {"npy.fortran_order", "error.npy_fortran_order"},
    {"npy.infinity", "error.npy_infinity"},
    {"npy.nan", "error.npy_nan"},
    {"npy.not_npy", "error.npy_not_npy"},
    {"npy.truncated_data", "error.npy_truncated_data"},
    {"npy.truncated_preamble", "error.npy_truncated_preamble"},
    {"session.empty", "error.session_empty"},
    {"session.missing_part", "error.session_missing_part"},
    {"session.newer", "error.session_newer"},
    {"session.not_object", "error.session_not_object"},
    {"playback.nothing", "error.nothing_to_play"},
    {"sound.bad_options", "error.sound_bad_options"},
    {"sound.cancelled", "error.sound_cancelled"},
    {"sound.cannot_open", "error.sound_cannot_open"},
    {"sound.decode_failed", "error.sound_decode_failed"},
    {"sound.empty", "error.sound_empty"},
    {"sound.no_audio_device", "error.sound_no_audio_device"},
    {"sound.no_capture_device", "error.sound_no_capture_device"},
    {"sound.not_finite", "error.sound_not_finite"},
    {"sound.not_sound", "error.sound_not_sound"},
    {"sound.playback_failed", "error.sound_playback_failed"},
    {"sound.rate_out_of_range", "error.sound_rate_out_of_range"},
    {"sound.resample_failed", "error.sound_resample_failed"},
    {"sound.selection_outside", "error.sound_selection_outside"},
    {"sound.too_long", "error.sound_too_long"},
    {"sound.too_many_channels", "error.sound_too_many_channels"},
    {"sound.too_many_frames", "error.sound_too_many_frames"},
    {"sound.waveform_too_long", "error.sound_waveform_too_long"},
    {"sound.write_failed", "error.sound_write_failed"},
};

}  // namespace

std::string ErrorText(const Error& error) {
  for (const auto& [code, key] : kErrorKeys) {
    if (error.code == code) return error.prefix + TrFormat(key, error.args);
  }
  return error.message;
}

std::string EditText(const EditNote& note) {
  std::string text = EditName(note.what);
  const std::string where = WhereText(note.where);
  if (!where.empty()) text += " " + where;
  if (!note.from.empty() && !note.to.empty()) return text + ": " + note.from + " → " + note.to;
  if (!note.to.empty()) return text + ": " + note.to;
  return text;
}

std::string GridDisplayName(const std::string& grid) {
  const std::optional<GridRef> ref = ParseGridRef(grid);
  if (ref && ref->kind == GridRef::Kind::kKernel) {
    return TrFormat("paste.kernel_slice", {std::to_string(ref->first), std::to_string(ref->second)});
  }
  return TrFormat("paste.input_channel", {std::to_string(ref ? ref->first : 0)});
}

}  // namespace convstep
