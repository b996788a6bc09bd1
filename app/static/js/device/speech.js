// The voice: cue text spoken through speech synthesis, newest first.

export function createVoice(synth = globalThis.speechSynthesis) {
  return {
    say(text) {
      if (!synth) return;
      synth.cancel(); // a cue that is still talking is stale by now
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.rate = 1.05;
      synth.speak(utterance);
    },
    stop() {
      synth?.cancel();
    },
  };
}
