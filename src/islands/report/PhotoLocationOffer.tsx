import type { GpsSuggestion } from './use-photo-intake.ts';

interface Props {
  suggestion: GpsSuggestion;
  onAccept: () => void;
  onDecline: () => void;
}

/** A photo's EXIF position, offered and never used unasked: where someone stood can identify them. */
export default function PhotoLocationOffer({ suggestion, onAccept, onDecline }: Props) {
  return (
    <div class="notice suggestion">
      <p>
        照片“{suggestion.photoName}”记录了拍摄位置：纬度 {suggestion.lat}，经度 {suggestion.lng}。要用它作为举报位置吗？不使用时，这个位置不会上传。
      </p>
      <p class="button-row">
        <button type="button" class="button" onClick={onAccept}>
          使用照片的拍摄位置
        </button>
        <button type="button" class="button secondary" onClick={onDecline}>
          不使用
        </button>
      </p>
    </div>
  );
}
