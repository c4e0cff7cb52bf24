import gcoord from 'gcoord';
import { officeSchema, type Office } from '../../schemas/office.ts';
import { boundaryFileSchema, toMultiPolygon, type MultiPolygonCoords } from '../../schemas/boundary.ts';
import { problemsFromZod, type ProblemList } from './content-error.ts';
import { listFiles, readJson } from './read-files.ts';
import { readValidated } from './read-validated.ts';

/** An office with its territory, both as written and converted to WGS-84 for routing. */
export interface LoadedOffice extends Office {
  /** The boundary in the coordinate system of its file (for drawing on tiles of that system). */
  boundarySource: MultiPolygonCoords;
  /** The boundary in WGS-84, the system of GPS and browsers. */
  boundaryWgs84: MultiPolygonCoords;
}

function convertToWgs84(polygons: MultiPolygonCoords, from: Office['boundaryCrs']): MultiPolygonCoords {
  if (from === 'wgs84') return polygons;
  return polygons.map((poly) =>
    poly.map((ring) =>
      ring.map(([lng, lat]) => {
        const [x, y] = gcoord.transform([lng ?? 0, lat ?? 0], gcoord.GCJ02, gcoord.WGS84);
        return [Math.round(x * 1e6) / 1e6, Math.round(y * 1e6) / 1e6];
      }),
    ),
  );
}

/** Reads content/offices/*.yaml and their boundary files. */
export function loadOffices(dir: string, problems: ProblemList): LoadedOffice[] {
  const offices: LoadedOffice[] = [];
  const seen = new Map<string, string>();
  for (const file of listFiles(dir, 'offices', ['.yaml', '.yml'])) {
    const read = readValidated(dir, file, officeSchema, problems);
    if (!read) continue;
    const office = read.data;
    const other = seen.get(office.code);
    if (other) problems.add(file, 'code', `expected a unique office code; ${office.code} is already used by ${other}`);
    seen.set(office.code, file);
    const boundaryFile = `offices/${office.boundary}`;
    const rawBoundary = readJson(dir, boundaryFile);
    if (!rawBoundary.ok) {
      problems.add(file, 'boundary', `${rawBoundary.expected} in ${boundaryFile}`);
      continue;
    }
    const boundary = boundaryFileSchema.safeParse(rawBoundary.data);
    if (!boundary.success) {
      problems.addAll(problemsFromZod(boundaryFile, boundary.error));
      continue;
    }
    const source = toMultiPolygon(boundary.data);
    offices.push({ ...office, boundarySource: source, boundaryWgs84: convertToWgs84(source, office.boundaryCrs) });
  }
  if (offices.filter((o) => o.role === 'desk').length > 1) {
    problems.add('offices', 'role', 'expected at most one desk office (the unrouted queue)');
  }
  return offices;
}
