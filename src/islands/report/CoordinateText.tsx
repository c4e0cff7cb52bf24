import { useState } from 'preact/hooks';
import { parseCoordinatePair, type LatLng } from './parse-coordinates.ts';
import { describedBy } from './field-ids.ts';
import FieldError from './FieldError.tsx';

/** Coordinates pasted as text (decimal or 度分秒), read into the two decimal inputs. */
export default function CoordinateText({ onCoordinates }: { onCoordinates: (point: LatLng) => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [done, setDone] = useState('');

  function apply() {
    const parsed = parseCoordinatePair(text);
    if (!parsed.ok) {
      setError(parsed.message);
      setDone('');
      return;
    }
    setError(undefined);
    onCoordinates(parsed.value);
    setDone(`已填入：纬度 ${parsed.value.lat}，经度 ${parsed.value.lng}。`);
  }

  return (
    <div class="form-field">
      <label for="report-coord-text">或粘贴坐标文字</label>
      <p class="form-hint" id="report-coord-text-hint">
        支持“30.2583, 116.3502”“30°15′30″N 116°21′E”“北纬30度15分30秒 东经116度21分”等写法，纬度在前。
      </p>
      <FieldError id="report-coord-text-error" message={error} />
      <div class="input-with-button">
        <input
          id="report-coord-text"
          type="text"
          autoComplete="off"
          class={error ? 'invalid' : undefined}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy('report-coord-text-hint', error && 'report-coord-text-error')}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            // Enter here means "read these coordinates", not "send the report".
            if (e.key === 'Enter') {
              e.preventDefault();
              apply();
            }
          }}
        />
        <button type="button" class="button secondary" onClick={apply}>
          识别并填入
        </button>
      </div>
      <p role="status" class="form-hint">
        {done}
      </p>
    </div>
  );
}
