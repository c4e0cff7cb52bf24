import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ReportFormModel } from './report-form-model.ts';
import { round6, type LatLng } from './parse-coordinates.ts';
import { describedBy } from './field-ids.ts';
import FieldError from './FieldError.tsx';
import type { BaseMapConfig } from '../../lib/base-maps.ts';
import CoordinateText from './CoordinateText.tsx';
import DegreeField from './DegreeField.tsx';

interface Props {
  model: ReportFormModel;
  hydrated: boolean;
  baseMaps: BaseMapConfig[];
  /** The authority's area (示范市) and the hotline for reports from elsewhere, for the pin's message. */
  regionName: string;
  hotline: string;
}

type MapProps = { pin: LatLng | undefined; onPick: (p: LatLng) => void; baseMaps: BaseMapConfig[]; regionName: string; hotline: string };

/** The pin as numbers, when both inputs hold a number. */
function pinOf(lat: string, lng: string): LatLng | undefined {
  const la = Number.parseFloat(lat);
  const ln = Number.parseFloat(lng);
  return lat.trim() !== '' && lng.trim() !== '' && Number.isFinite(la) && Number.isFinite(ln) ? { lat: la, lng: ln } : undefined;
}

export default function LocationFields({ model, hydrated, baseMaps, regionName, hotline }: Props) {
  const { lat, lng, address } = model.fields.value;
  const latError = model.errorFor('lat');
  const lngError = model.errorFor('lng');
  const addressError = model.errorFor('address');
  const [Map, setMap] = useState<ComponentType<MapProps> | undefined>(undefined);
  const mapSlot = useRef<HTMLDivElement>(null);
  const [geoStatus, setGeoStatus] = useState('');

  // Leaflet is the heaviest part of the page: fetch it only when the map scrolls near.
  useEffect(() => {
    const slot = mapSlot.current;
    if (!hydrated || !slot) return;
    const load = () => import('./ReportMap.tsx').then((m) => setMap(() => m.default));
    if (!('IntersectionObserver' in window)) {
      void load();
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          observer.disconnect();
          void load();
        }
      },
      { rootMargin: '400px' },
    );
    observer.observe(slot);
    return () => observer.disconnect();
  }, [hydrated]);

  function useMyLocation() {
    if (!('geolocation' in navigator)) {
      setGeoStatus('此浏览器无法获取位置，请在地图上点选或填写坐标。');
      return;
    }
    setGeoStatus('正在获取您的位置…');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        model.setLocation(round6(position.coords.latitude), round6(position.coords.longitude));
        setGeoStatus(`已填入您当前的位置（精度约 ${Math.round(position.coords.accuracy)} 米）。如果您不在现场，请改为在地图上点选。`);
      },
      (error) => {
        setGeoStatus(
          error.code === error.PERMISSION_DENIED
            ? '您没有允许本网站获取位置。可以在地图上点选，或填写坐标、地址。'
            : '暂时无法获取位置，请在地图上点选，或填写坐标、地址。',
        );
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  }

  return (
    <fieldset class="form-field" aria-describedby="report-where-hint">
      <legend>
        <h2>在哪里</h2>
      </legend>
      <p class="form-hint" id="report-where-hint">
        {hydrated ? '在地图上点选位置、使用您的当前位置、填写坐标，或描述地址和地标，至少一项。' : '填写坐标，或描述地址和地标，至少一项。'}
        坐标为 GPS 使用的 WGS-84 经纬度。
      </p>
      {hydrated && (
        <div ref={mapSlot} class="map-slot">
          {Map ? <Map pin={pinOf(lat, lng)} onPick={(p) => model.setLocation(p.lat, p.lng)} baseMaps={baseMaps} regionName={regionName} hotline={hotline} /> : <p class="form-hint">地图加载中…</p>}
        </div>
      )}
      {hydrated && (
        <div class="location-tools">
          <button type="button" class="button secondary" onClick={useMyLocation}>
            使用我的位置
          </button>
          <p role="status" class="form-hint">
            {geoStatus}
          </p>
        </div>
      )}
      <div class="coords">
        <DegreeField name="lat" label="纬度" hint="十进制度数，例如 30.2583" min={-90} max={90} value={lat} error={latError} onInput={(v) => model.setField('lat', v)} />
        <DegreeField name="lng" label="经度" hint="十进制度数，例如 116.3502" min={-180} max={180} value={lng} error={lngError} onInput={(v) => model.setField('lng', v)} />
      </div>
      {hydrated && <CoordinateText onCoordinates={(p) => model.setLocation(p.lat, p.lng)} />}
      <div class="form-field">
        <label for="report-address">地址或地标</label>
        <p class="form-hint" id="report-address-hint">
          例如“青石镇下湾村村委会往东约 300 米，河堤旁”。
        </p>
        <FieldError id="report-address-error" message={addressError} />
        <input
          id="report-address"
          name="address"
          type="text"
          autoComplete="off"
          class={addressError ? 'invalid' : undefined}
          aria-invalid={addressError ? 'true' : undefined}
          aria-describedby={describedBy('report-address-hint', addressError && 'report-address-error')}
          value={address}
          onInput={(e) => model.setField('address', e.currentTarget.value)}
        />
      </div>
    </fieldset>
  );
}
