#include "app/shell/sound_output.h"

#include "app/i18n/i18n.h"
#include "app/state/edit_text.h"

namespace convstep {

void SoundOutput::Start(AppState& state, const PlayOrder& order) {
  Result<PlayRequest> request = WhatToPlay(state.session, *state.conv, state.view.step, order.what, order.filter);
  if (!request) return state.SetStatus(ErrorText(request.failure()), true);
  if (!player_) {
    Result<SoundPlayer> opened = SoundPlayer::Open();
    if (!opened) return state.SetStatus(ErrorText(opened.failure()), true);
    player_.emplace(std::move(opened).value());
  }
  Result<bool> played = player_->Play(request->samples, request->rate, state.view.volume);
  if (!played) return state.SetStatus(ErrorText(played.failure()), true);
  playing_ = std::move(request).value();
}

void SoundOutput::Service(AppState& state) {
  ViewState& v = state.view;
  if (v.play_order) Start(state, *v.play_order);
  v.play_order.reset();
  if (player_ && v.stop_sound) player_->Stop();
  v.stop_sound = false;
  if (player_ && player_->volume() != v.volume) player_->SetVolume(v.volume);
  v.playhead.reset();
  if (player_ && player_->IsPlaying()) {
    const double samples = player_->PositionSeconds() * playing_.rate;
    v.playhead = playing_.start_seconds + samples * playing_.step_seconds;
  }
}

}  // namespace convstep
