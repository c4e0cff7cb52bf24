import { useEffect, useRef, useState } from 'preact/hooks';
import type { LayerGroup, Map as LeafletMap, Marker, TileLayer } from 'leaflet';
import type { MapArea, MapData } from '../../lib/map-areas.ts';
import type { BaseMapConfig } from '../../lib/base-maps.ts';
import type { Crs } from '../../schemas/common.ts';
import { toTileCrs, toWgs84 } from './map-crs.ts';
import { areaAt } from './area-at.ts';
import { loadAreas } from './load-areas.ts';
import type { LatLng } from './parse-coordinates.ts';

interface Props {
  /** The report's location in WGS-84, if one is set. */
  pin: LatLng | undefined;
  /** Called with a WGS-84 point when the reporter places the pin. */
  onPick: (point: LatLng) => void;
  /** The base maps of site.yaml; none draws the county outlines alone. */
  baseMaps: BaseMapConfig[];
  /** The authority's area and the hotline named when the pin is outside it. */
  regionName: string;
  hotline: string;
}

const COUNTY_STYLE = { color: '#0b5394', weight: 2, fillColor: '#0b5394', fillOpacity: 0.08 };
const DESK_STYLE = { color: '#4a5560', weight: 2, dashArray: '6 6', fill: false, interactive: false };

type Leaflet = typeof import('leaflet');
interface Drawn {
  L: Leaflet;
  map: LeafletMap;
  marker: Marker;
  /** The county polygons and names, redrawn when the base map's system changes. */
  areas: LayerGroup;
  tiles: TileLayer[];
  /** The system everything on the map is drawn in now, and its territories. */
  crs: Crs;
  data: MapData | undefined;
}

/**
 * Leaflet with the counties as vector polygons over the chosen base map. The
 * form's coordinates are WGS-84; the tiles, the polygons, the pin and a click
 * are converted to and from the base map's system (天地图 draws in CGCS2000 ≈
 * WGS-84, 高德 in GCJ-02, some 300–600 m away). Leaflet loads only here, after
 * the form is usable.
 */
export default function ReportMap({ pin, onPick, baseMaps, regionName, hotline }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const drawn = useRef<Drawn | undefined>(undefined);
  const pickRef = useRef(onPick);
  pickRef.current = onPick;
  const [leafletReady, setLeafletReady] = useState(false);
  const [chosen, setChosen] = useState(0);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [data, setData] = useState<MapData | undefined>(undefined);
  const baseMap = baseMaps[chosen];

  useEffect(() => {
    let cancelled = false;
    import('leaflet')
      .then((leaflet) => {
        if (cancelled || !container.current) return;
        const L = leaflet.default;
        const map = L.map(container.current, { attributionControl: baseMaps.length > 0, zoomControl: false, scrollWheelZoom: false, zoomSnap: 0.25 });
        map.attributionControl?.setPrefix(false);
        L.control.zoom({ zoomInTitle: '放大地图', zoomOutTitle: '缩小地图' }).addTo(map);
        const marker = L.marker([0, 0], {
          icon: L.divIcon({ className: 'map-pin', html: '<span></span>', iconSize: [24, 24], iconAnchor: [12, 24] }),
          interactive: false,
          keyboard: false,
        });
        map.on('click', (event) => {
          const current = drawn.current;
          if (current) pickRef.current(toWgs84({ lat: event.latlng.lat, lng: event.latlng.lng }, current.crs));
        });
        drawn.current = { L, map, marker, areas: L.layerGroup().addTo(map), tiles: [], crs: 'wgs84', data: undefined };
        setLeafletReady(true);
      })
      .catch(() => {
        if (!cancelled) setState('failed');
      });
    return () => {
      cancelled = true;
      drawn.current?.map.remove();
      drawn.current = undefined;
    };
  }, []);

  // The chosen base map: its tiles, and the territories in its system, keeping the place in view.
  useEffect(() => {
    const current = drawn.current;
    if (!leafletReady || !current) return;
    const crs = baseMap?.crs ?? 'wgs84';
    let cancelled = false;
    loadAreas(crs)
      .then((loaded) => {
        if (cancelled) return;
        const { L, map } = current;
        const view = current.data ? { centre: toWgs84(map.getCenter(), current.crs), zoom: map.getZoom() } : undefined;
        for (const layer of current.tiles) layer.remove();
        current.tiles = (baseMap?.layers ?? []).map((layer, i) =>
          L.tileLayer(layer.url, {
            subdomains: layer.subdomains ?? 'abc',
            minZoom: baseMap?.minZoom,
            maxZoom: baseMap?.maxZoom,
            // Later layers (labels) above earlier ones (ground); the credit once per base map.
            zIndex: i + 1,
            ...(i === 0 && baseMap ? { attribution: escapeHtml(baseMap.credit) } : {}),
          }).addTo(map),
        );
        current.areas.clearLayers();
        const bounds = L.latLngBounds([]);
        for (const area of loaded.areas) {
          const rings = area.polygons.map((poly) => poly.map((ring) => ring.map(([lng = 0, lat = 0]) => L.latLng(lat, lng))));
          const layer = L.polygon(rings, area.role === 'desk' ? DESK_STYLE : COUNTY_STYLE).addTo(current.areas);
          bounds.extend(layer.getBounds());
          if (area.role === 'county') {
            L.marker(area.label, { icon: L.divIcon({ className: 'map-label', html: `<span>${escapeHtml(area.name)}</span>`, iconSize: undefined }), interactive: false, keyboard: false }).addTo(current.areas);
          }
        }
        current.crs = crs;
        current.data = loaded;
        if (view) {
          const centre = toTileCrs(view.centre, crs);
          map.setView([centre.lat, centre.lng], view.zoom, { animate: false });
        } else map.fitBounds(bounds, { padding: [8, 8] });
        setData(loaded);
        setState('ready');
      })
      .catch(() => {
        if (!cancelled) setState('failed');
      });
    return () => {
      cancelled = true;
    };
  }, [leafletReady, chosen]);

  useEffect(() => {
    const current = drawn.current;
    if (!current?.data) return;
    if (!pin) {
      current.marker.remove();
      return;
    }
    const point = toTileCrs(pin, current.crs);
    current.marker.setLatLng([point.lat, point.lng]).addTo(current.map);
    if (!current.map.getBounds().contains([point.lat, point.lng])) current.map.panTo([point.lat, point.lng]);
  }, [pin?.lat, pin?.lng, data]);

  const area: MapArea | undefined = pin && data ? areaAt(data, toTileCrs(pin, data.crs)) : undefined;

  function pinAtCentre() {
    const current = drawn.current;
    if (!current) return;
    const centre = current.map.getCenter();
    onPick(toWgs84({ lat: centre.lat, lng: centre.lng }, current.crs));
  }

  return (
    <div class="report-map">
      <p class="hint" id="report-map-hint">
        {baseMaps.length > 0
          ? '点击地图放置标记；地图上绘出了各区县的范围。'
          : '点击地图放置标记。本站没有配置底图（使用地图服务需要授权），地图上只画出了各区县的边界，看不到道路和村庄：可以用“使用我的位置”、照片的拍摄位置或坐标来定位。'}
        也可以用方向键移动地图，再按“在地图中心放置标记”。
      </p>
      {baseMaps.length > 1 && (
        <fieldset class="map-base-maps">
          <legend>底图</legend>
          <div class="button-row">
            {baseMaps.map((m, i) => (
              <div class="radio" key={m.name}>
                <input type="radio" name="report-base-map" id={`report-base-map-${i}`} checked={i === chosen} onChange={() => setChosen(i)} />
                <label for={`report-base-map-${i}`}>{m.name}</label>
              </div>
            ))}
          </div>
        </fieldset>
      )}
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
        {pin && data && (area ? (area.role === 'desk' ? `标记在${area.name}范围内，但不在任何区县的边界内，线索将交${area.officeName}处理。` : `标记位于${area.name}，线索将交${area.officeName}核查。`) : `标记不在${regionName}范围内。本渠道只受理${regionName}的线索，其他地区请拨打 ${hotline}。`)}
      </p>
    </div>
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
