import { landTypes, type LandType } from '../../schemas/land-type.ts';

/** The facts of a case that baselines look at; amounts in 元, areas in m². */
export interface CaseFacts {
  /** Area involved by land type, m². */
  area: Partial<Record<LandType, number | undefined>>;
  /** Illegal income, 元. */
  illegalIncome?: number | undefined;
  /** 耕地开垦费 the case would owe, 元. */
  cultivationFee?: number | undefined;
  /** 土地复垦费, 元. */
  reclamationFee?: number | undefined;
  /** Market value of the ore mined, 元; absent when there is none or it cannot be assessed. */
  oreValue?: number | undefined;
  /** A repeat offence (再次违法). */
  repeat?: boolean | undefined;
}

/** One point in the space the machine-checkable conditions divide. */
export interface FactPoint {
  /** The most protected land type with an area, if any. */
  landType: LandType | undefined;
  /** Total area, m². */
  area: number;
  illegalIncome: number;
  /** 0 when there is no ore value. */
  oreValue: number;
  repeat: boolean;
}

/** m² in one 亩. */
export const M2_PER_MU = 10_000 / 15;

/** Total area over all land types, m². */
export function totalArea(area: CaseFacts['area']): number {
  return landTypes.reduce((sum, t) => sum + (area[t] ?? 0), 0);
}

/** The most protected land type with an area above 0. */
export function mostProtectedLandType(area: CaseFacts['area']): LandType | undefined {
  return landTypes.find((t) => (area[t] ?? 0) > 0);
}

export function toFactPoint(facts: CaseFacts): FactPoint {
  return {
    landType: mostProtectedLandType(facts.area),
    area: totalArea(facts.area),
    illegalIncome: facts.illegalIncome ?? 0,
    oreValue: facts.oreValue ?? 0,
    repeat: facts.repeat ?? false,
  };
}
