import { useEffect, useState } from 'preact/hooks';
import type { MapArea } from '../../lib/map-areas.ts';
import type { GpsSuggestion } from './use-photo-intake.ts';
import { loadAreas } from './load-areas.ts';
import { areaAt } from './area-at.ts';

interface Props {
  /** The position read from a photo, while it is offered. */
  suggestion: GpsSuggestion | undefined;
  /** The authority's area (示范市) and the national hotline for elsewhere. */
  regionName: string;
  hotline: string;
  onAccept: (suggestion: GpsSuggestion) => void;
  onDecline: () => void;
}

/** Where the photo was taken, as far as the territories tell: a county, the area outside every county, outside, or unknown. */
type Place = { kind: 'checking' } | { kind: 'inside'; area: MapArea } | { kind: 'outside' } | { kind: 'unknown' };

function usePlaceOf(suggestion: GpsSuggestion | undefined): Place {
  const [place, setPlace] = useState<Place>({ kind: 'checking' });
  useEffect(() => {
    if (!suggestion) return;
    let cancelled = false;
    setPlace({ kind: 'checking' });
    loadAreas('wgs84').then(
      (data) => {
        const area = areaAt(data, suggestion);
        if (!cancelled) setPlace(area ? { kind: 'inside', area } : { kind: 'outside' });
      },
      () => {
        if (!cancelled) setPlace({ kind: 'unknown' });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [suggestion?.lat, suggestion?.lng]);
  return place;
}

/**
 * A photo's EXIF position, offered at the photo field and never used unasked
 * (where someone stood can identify them). The offer is announced, and says at
 * once when the position lies outside the area, where it cannot be used.
 */
export default function PhotoLocationOffer({ suggestion, regionName, hotline, onAccept, onDecline }: Props) {
  const place = usePlaceOf(suggestion);
  const where = suggestion ? `纬度 ${suggestion.lat}，经度 ${suggestion.lng}` : '';
  const ready = suggestion && place.kind !== 'checking';
  let text = '';
  if (suggestion && place.kind === 'outside') {
    text = `照片“${suggestion.photoName}”的拍摄位置（${where}）不在${regionName}范围内，不能作为举报位置。如果违法行为在${regionName}，请在上方地图上点选或填写现场的位置；其他地区请拨打 ${hotline} 举报。`;
  } else if (suggestion && place.kind === 'inside') {
    const named = place.area.role === 'county' ? `，位于${place.area.name}` : `，在${regionName}范围内`;
    text = `照片“${suggestion.photoName}”记录了拍摄位置：${where}${named}。要用它作为举报位置吗？不使用时，这个位置不会上传。`;
  } else if (suggestion && place.kind === 'unknown') {
    text = `照片“${suggestion.photoName}”记录了拍摄位置：${where}。要用它作为举报位置吗？不使用时，这个位置不会上传。`;
  }
  return (
    <div class={ready ? `notice suggestion${place.kind === 'outside' ? ' warn' : ''}` : 'suggestion-slot'}>
      {/* Always in the page, so that the offer is announced when it appears. */}
      <p role="status" class="suggestion-text">
        {ready ? text : ''}
      </p>
      {ready && (
        <p class="button-row">
          {place.kind === 'outside' ? (
            <button type="button" class="button secondary" onClick={onDecline}>
              知道了
            </button>
          ) : (
            <>
              <button type="button" class="button" onClick={() => onAccept(suggestion)}>
                使用照片的拍摄位置
              </button>
              <button type="button" class="button secondary" onClick={onDecline}>
                不使用
              </button>
            </>
          )}
        </p>
      )}
    </div>
  );
}
