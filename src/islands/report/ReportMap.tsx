import { useEffect, useRef, useState } from 'preact/hooks';
import type { Map as LeafletMap, Marker } from 'leaflet';
import type { MapArea, MapData } from '../../lib/map-areas.ts';
import { toTileCrs, toWgs84 } from './map-crs.ts';
import { areaAt } from './area-at.ts';
import type { LatLng } from './parse-coordinates.ts';

export interface TileConfig {
  url?: string | undefined;
  attribution?: string | undefined;
}

interface Props {
  /** The report's location in WGS-84, if one is set. */
  pin: LatLng | undefined;
  /** Called with a WGS-84 point when the reporter places the pin. */
  onPick: (point: LatLng) => void;
  tiles: TileConfig;
}

const COUNTY_STYLE = { color: '#0b5394', weight: 2, fillColor: '#0b5394', fillOpacity: 0.08 };
const DESK_STYLE = { color: '#4a5560', weight: 2, dashArray: '6 6', fill: false, interactive: false };

/**
 * Leaflet with the counties as vector polygons: the normal demo experience has
 * no tiles at all, and with tiles the polygons are drawn in the tiles' system.
 * Leaflet loads only here, after the form is usable.
 */
export default function ReportMap({ pin, onPick, tiles }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<{ map: LeafletMap; marker: Marker; data: MapData } | undefined>(undefined);
  const pickRef = useRef(onPick);
  pickRef.current = onPick;
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [data, setData] = useState<MapData | undefined>(undefined);

  useEffect(() => {
    let cancelled = false;
    Promise.all([import('leaflet'), fetch('/report/boundaries.json').then((r) => r.json() as Promise<MapData>)])
      .then(([leaflet, loaded]) => {
        if (cancelled || !container.current) return;
        const L = leaflet.default;
        const map = L.map(container.current, { attributionControl: Boolean(tiles.url), zoomControl: false, scrollWheelZoom: false, zoomSnap: 0.25 });
        L.control.zoom({ zoomInTitle: '放大地图', zoomOutTitle: '缩小地图' }).addTo(map);
        if (tiles.url) L.tileLayer(tiles.url, { attribution: tiles.attribution ?? '' }).addTo(map);
        const bounds = L.latLngBounds([]);
        for (const area of loaded.areas) {
          const rings = area.polygons.map((poly) => poly.map((ring) => ring.map(([lng = 0, lat = 0]) => L.latLng(lat, lng))));
          const layer = L.polygon(rings, area.role === 'desk' ? DESK_STYLE : COUNTY_STYLE).addTo(map);
          bounds.extend(layer.getBounds());
          if (area.role === 'county') {
            L.marker(area.label, { icon: L.divIcon({ className: 'map-label', html: `<span>${escapeHtml(area.name)}</span>`, iconSize: undefined }), interactive: false, keyboard: false }).addTo(map);
          }
        }
        map.fitBounds(bounds, { padding: [8, 8] });
        const marker = L.marker([0, 0], {
          icon: L.divIcon({ className: 'map-pin', html: '<span></span>', iconSize: [24, 24], iconAnchor: [12, 24] }),
          interactive: false,
          keyboard: false,
        });
        map.on('click', (event) => pickRef.current(toWgs84({ lat: event.latlng.lat, lng: event.latlng.lng }, loaded.crs)));
        mapRef.current = { map, marker, data: loaded };
        setData(loaded);
        setState('ready');
      })
      .catch(() => {
        if (!cancelled) setState('failed');
      });
    return () => {
      cancelled = true;
      mapRef.current?.map.remove();
      mapRef.current = undefined;
    };
  }, [tiles.url, tiles.attribution]);

  useEffect(() => {
    const current = mapRef.current;
    if (!current) return;
    if (!pin) {
      current.marker.remove();
      return;
    }
    const point = toTileCrs(pin, current.data.crs);
    current.marker.setLatLng([point.lat, point.lng]).addTo(current.map);
    if (!current.map.getBounds().contains([point.lat, point.lng])) current.map.panTo([point.lat, point.lng]);
  }, [pin?.lat, pin?.lng, state]);

  const area: MapArea | undefined = pin && data ? areaAt(data, toTileCrs(pin, data.crs)) : undefined;

  function pinAtCentre() {
    const current = mapRef.current;
    if (!current) return;
    const centre = current.map.getCenter();
    onPick(toWgs84({ lat: centre.lat, lng: centre.lng }, current.data.crs));
  }

  return (
    <div class="report-map">
      <p class="hint" id="report-map-hint">
        点击地图放置标记；地图上绘出了各区县的范围{tiles.url ? '' : '（本站未配置底图，只显示区县边界）'}。也可以用方向键移动地图，再按“在地图中心放置标记”。
      </p>
      <div ref={container} class="report-map-canvas" role="region" aria-label="举报位置地图" aria-describedby="report-map-hint" />
      {state === 'loading' && <p class="hint">地图加载中…</p>}
      {state === 'failed' && <p class="hint">地图未能加载。请直接填写坐标或地址。</p>}
      {state === 'ready' && (
        <p>
          <button type="button" class="button secondary" onClick={pinAtCentre}>
            在地图中心放置标记
          </button>
        </p>
      )}
      <p class="map-area" aria-live="polite">
        {pin && data && (area ? (area.role === 'desk' ? `标记在${area.name}范围内，但不在任何区县的边界内，线索将交${area.officeName}处理。` : `标记位于${area.name}，线索将交${area.officeName}核查。`) : '标记不在本市范围内。本渠道只受理本市的线索，其他地区请拨打 12336。')}
      </p>
    </div>
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
