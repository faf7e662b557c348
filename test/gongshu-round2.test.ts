// Issue 6 ("faithful to the letter, round two") as it concerns gongshu-53. Every expectation is written from the
// seed text (../shared/seeds/003_be9a577eec7a1975.txt, 附件 拱墅区公共文化服务现代化标准); the line it rests on is
// quoted in the test name or a comment.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStandardText } from '../src/standard/load.js';
import { buildDataset } from '../src/data/dataset.js';
import { readCsv } from '../src/data/csv.js';
import { evaluate } from '../src/engine/evaluate.js';
import type { Result } from '../src/engine/types.js';
import type { Check } from '../src/standard/types.js';
import { walkChecks } from '../src/standard/walk.js';
import { showIndicator } from '../src/report/standard-text.js';
import { ROOT, dabiao } from './helpers.js';

const GS = loadStandardText(fs.readFileSync(path.join(ROOT, 'standards/gongshu-53.yaml'), 'utf8'), 'gongshu-53.yaml');
const DISTRICT = '拱墅区';
const STREETS = GS.places.filter((p) => p.level === 'street').map((p) => p.name);
const label = (key: string) => {
  const m = GS.metrics.find((x) => x.key === key);
  if (!m) throw new Error(`no metric ${key}`);
  return m.label;
};

// ── A whole district that meets every item: 18 streets, one community each (values on or above each line) ──────

type Values = Record<string, string>;
interface District {
  district: Values;
  street: (name: string, i: number) => Values;
  community: (name: string, i: number) => Values;
}

const complete: District = {
  district: {
    has_library: '是', has_cultural_centre: '是', has_museum: '是', has_ich_museum: '是', has_theatre: '是',
    library_grade: '一级', culture_centre_grade: '一级',
    has_stadium: '是', has_gymnasium: '是', has_natatorium: '是',
    library_zheli_platform: '是', culture_centre_zheli_platform: '是', smart_culture_cloud: '是',
    smart_library_system: '是', one_click_borrow: '是', media_platform: '是',
    online_service_visits: '100万', digital_service_projects: '24',
    population: '1000000', books_total: '1500000', new_books: '80000',
    blind_reading_area: '是', blind_reading_materials: '是',
    library_hours_weekly: '60', culture_centre_hours_weekly: '60',
    off_peak_opening: '是', extended_opening: '是', evening_opening: '是',
    library_off_peak_hours: '20', library_open_hours: '60', culture_centre_off_peak_hours: '20', culture_centre_open_hours: '60',
    has_art_gallery: '是',
    sports_free: '是', sports_hours_weekly: '70', sports_days_yearly: '330', sports_holiday_daily_hours: '12', sports_free_on_holidays: '是',
    eligible_schools: '10', open_schools: '10',
    theatre_public_events: '12', district_mass_events: '24', library_joint_services: '6', culture_centre_joint_services: '6',
    district_exhibitions: '6', student_film_screenings: '2', digital_film_service: '是', film_screenings: '9', new_domestic_film_screenings: '3',
    dtv_channels: '15', hd_tv_coverage: '60%',
    new_residential_areas: '2', new_residential_areas_fitness_ok: '2',
    library_special_groups: '是', culture_centre_special_groups: '是',
    professional_staff_share: '85%', district_training_days: '15',
    volunteer_team: '是', volunteers: '3000',
    books_sent_down: '13000', mobile_performances: '24', mobile_exhibitions: '12', culture_visits: '10',
    intl_exchange: '2', satisfaction_rate: '85%',
  },
  street: (_name, i) => ({
    community_count: '1',
    station_signboard: '是', station_open: '是', station_full_time_staff: '1', station_grade: '一级',
    city_study_rooms: i < 4 ? '3' : '2', // 4 × 3 + 14 × 2 = 40
    has_culture_post: '是', street_fitness_centre: '是', free_wifi: '是', newsboards: '1',
    branch_library_hours_weekly: '48', station_hours_weekly: '48', shows_delivered: '5', street_mass_events: '12', station_exhibitions: '2',
    grassroots_training_days: '5', troupe_types: '6', volunteer_team: '是', street_book_rotations: '4',
    library_branch: '是', culture_centre_branch: '是', culture_steward: '是',
  }),
  community: () => ({
    community_centre_area: '100', community_centre_signage: '是', is_future_community: '是', community_court: '是', free_wifi: '是',
    reading_room_hours_weekly: '40', community_centre_hours_weekly: '40', community_weekly_shows: '2',
    grassroots_training_days: '5', community_teams: '2', volunteer_team: '是', demo_households: '1', culture_talents: '2', culture_steward: '是',
  }),
};

/**
 * Every clause a person must judge, by indicator, with the seed words that make it a judgement. The test below checks
 * that this list is exactly the standard's manual checks, so no judgement column is left out.
 */
const JUDGEMENTS: { id: string; level: 'district' | 'street' | 'community'; metrics: string[]; seed: string }[] = [
  { id: 'GS-05', level: 'community', metrics: ['community_centre_equipped'], seed: '按省市标准配置相应的公共文化服务设施设备和体育器材' },
  { id: 'GS-08', level: 'community', metrics: ['future_community_culture_space'], seed: '未来社区按省市标准建设公共文化空间' },
  { id: 'GS-11', level: 'district', metrics: ['culture_data_integration'], seed: '公共文化服务数据实现无缝对接' },
  { id: 'GS-15', level: 'district', metrics: ['digital_resources_met'], seed: '文化馆实现省市数字文化资源建设要求' },
  { id: 'GS-19', level: 'street', metrics: ['newsboard_info_service'], seed: '在其公共场所、居民小区等人流密集地点……提供时政、三农、科普、文化、生活等方面的信息服务' },
  { id: 'GS-22', level: 'district', metrics: ['holiday_extended_opening'], seed: '国家法定节假日和寒暑假期间应适当延长开放时间' },
  { id: 'GS-23', level: 'district', metrics: ['museum_off_peak_programs', 'art_gallery_off_peak_programs'], seed: '博物馆和美术馆要根据实际情况，定期推出错时（夜间）服务项目' },
  { id: 'GS-24', level: 'district', metrics: ['heritage_ticket_reduction'], seed: '参观文物建筑实施门票减免，文化和自然遗产日免费参观' },
  { id: 'GS-34', level: 'district', metrics: ['tv_special_groups_service'], seed: '为低保户提供免费或优惠服务，为拥军户、贫困残疾人用户等特殊人群提供优惠服务' },
  { id: 'GS-35', level: 'district', metrics: ['idle_land_sports_facilities'], seed: '充分利用城市空置场所、废弃厂房……建设体育设施' },
  { id: 'GS-36', level: 'district', metrics: ['new_residential_drawing_review', 'new_residential_acceptance'], seed: '纳入施工图纸审查，验收未达标不得交付使用' },
  { id: 'GS-38', level: 'district', metrics: ['cable_tv_relief'], seed: '为城乡低保户免费提供基本有线数字电视节目，免除安装费和收视费' },
  { id: 'GS-39', level: 'district', metrics: ['staffing_fit_for_duties'], seed: '要配备与履职相适应的人员力量' },
  { id: 'GS-40', level: 'street', metrics: ['station_staff_per_rules'], seed: '街道综合文化站按照规定配备专职文化工作人员' },
  { id: 'GS-43', level: 'district', metrics: ['teams_stable_active'], seed: '相对稳定并经常性开展活动' },
  { id: 'GS-48', level: 'district', metrics: ['culture_steward_city_standard'], seed: '按照文化管家市级标准' },
  { id: 'GS-50', level: 'district', metrics: ['purchase_catalogue'], seed: '动态调整并公布公共文化领域政府向社会力量购买服务目录' },
  { id: 'GS-51', level: 'district', metrics: ['library_annual_report', 'culture_centre_annual_report', 'museum_annual_report'], seed: '图书馆、文化馆、博物馆每年发布年度报告' },
  { id: 'GS-53', level: 'district', metrics: ['performance_evaluation'], seed: '建立公共文化服务绩效评价机制，委托第三方开展绩效评估' },
];
/** Judged per street or community: at the district they are roll-ups over judged members. */
const JUDGED_BELOW = JUDGEMENTS.filter((j) => j.level !== 'district').map((j) => j.id);

type Judgement = '是' | '否' | '是+依据' | '';

/** The complete district as wide CSV, every judgement column answered `answer`; `change` edits the rows. */
function csvOf(answer: Judgement, change: (rows: { entity: string; level: string; parent: string; v: Values }[]) => void = () => {}, base = complete): string {
  const judged = (level: string): Values => {
    const v: Values = {};
    for (const j of JUDGEMENTS.filter((x) => x.level === level)) {
      for (const m of j.metrics) {
        if (answer === '') continue;
        v[m] = answer === '否' ? '否' : '是';
        if (answer === '是+依据') v[`${m}:evidence`] = `${j.id}依据文件（编号${m}）`;
      }
    }
    return v;
  };
  const rows = [{ entity: DISTRICT, level: '区', parent: '', v: { ...base.district, ...judged('district') } }];
  STREETS.forEach((s, i) => {
    rows.push({ entity: s, level: '街道', parent: DISTRICT, v: { ...base.street(s, i), ...judged('street') } });
    rows.push({ entity: `${s.replace('街道', '')}社区`, level: '社区', parent: s, v: { ...base.community(s, i), ...judged('community') } });
  });
  change(rows);
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r.v)))];
  const header = keys.map((k) => (k.endsWith(':evidence') ? `${label(k.slice(0, -9))}依据` : k.startsWith('GS-') ? k : label(k)));
  const cell = (s: string | undefined) => (s === undefined ? '' : /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [['entity', 'level', 'parent', ...header].join(','), ...rows.map((r) => [r.entity, r.level, r.parent, ...keys.map((k) => cell(r.v[k]))].join(','))].join('\n') + '\n';
}

function run(csv: string, options: Parameters<typeof evaluate>[2] = {}) {
  const dataset = buildDataset(GS, [readCsv(csv, 'data.csv')]);
  return { ...evaluate(GS, dataset, options), warnings: dataset.warnings };
}

function at(results: Result[], id: string, entity = DISTRICT): Result {
  const r = results.find((x) => x.entity === entity && x.indicator.id === id);
  if (!r) throw new Error(`no result for ${entity} / ${id}`);
  return r;
}

const reasonsOf = (r: { reasons: { code: string }[]; parts?: Result['parts'] }): { code: string; [k: string]: unknown }[] => [
  ...r.reasons,
  ...(r.parts ?? []).flatMap((p) => reasonsOf(p)),
];

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────

describe('§1 a judgement never passes on a bare 是', () => {
  it('the judgement columns listed here are exactly the standard’s manual checks', () => {
    const manual = new Map<string, Set<string>>();
    for (const i of GS.indicators) {
      walkChecks(i.check, [], (c: Check) => {
        if (c.kind === 'manual' && c.metric) {
          if (!manual.has(i.id)) manual.set(i.id, new Set());
          manual.get(i.id)!.add(c.metric);
          // No rule here may waive evidence: every one is a quality, a conformity or a judgement.
          expect(c.evidenceNotRequired, `${i.id} ${c.metric}`).toBeUndefined();
        }
      });
    }
    expect(Object.fromEntries([...manual].map(([k, v]) => [k, [...v].sort()]))).toEqual(
      Object.fromEntries(JUDGEMENTS.map((j) => [j.id, [...j.metrics].sort()])),
    );
  });

  const bare = run(csvOf('是'));
  const proven = run(csvOf('是+依据'));
  const refused = run(csvOf('否'));

  it('the complete district with evidence passes every item (GS-41 is permissive: na)', () => {
    expect(proven.warnings).toEqual([]);
    const notPass = proven.results.filter((r) => r.entity === DISTRICT && r.status !== 'pass').map((r) => `${r.indicator.id}:${r.status}`);
    expect(notPass).toEqual(['GS-41:na']);
  });

  it.each(JUDGEMENTS.map((j) => [j.id, j.seed, j.level] as const))('%s “%s”: 是 without evidence never passes; with evidence it passes; 否 fails', (id, _seed, level) => {
    expect(at(bare.results, id).status).not.toBe('pass');
    if (level === 'district') {
      expect(at(bare.results, id).status).toBe('manual');
      expect(JSON.stringify(reasonsOf(at(bare.results, id)))).toContain('evidence-required');
    }
    expect(at(proven.results, id).status).toBe('pass');
    expect(at(refused.results, id).status).toBe('fail');
  });

  it.each(JUDGED_BELOW)('%s: each street / community with 是 and no evidence is manual (evidence-required)', (id) => {
    const j = JUDGEMENTS.find((x) => x.id === id)!;
    const levels = j.level === 'street' ? ['street'] : ['community'];
    const r = run(csvOf('是'), { levels, indicators: [id] });
    const mine = r.results.filter((x) => x.indicator.id === id);
    expect(mine).toHaveLength(18);
    for (const m of mine) {
      expect(m.status).toBe('manual');
      expect(JSON.stringify(reasonsOf(m))).toContain('evidence-required');
    }
  });

  // Engine (src/engine/checks/rollup-members.ts): a roll-up whose only undecided members are `manual` (a judgement
  // awaiting evidence) reports `missing` (members-unknown), as if data were absent. The text's verdict is `manual`.
  // These are marked as known failures; remove `.fails` when the engine reports `manual`.
  it.each(JUDGED_BELOW)('%s at the district: 是 without evidence in every street / community is manual, awaiting evidence', (id) => {
    expect(at(bare.results, id).status).toBe('manual');
  });

  it('GS-15 and GS-38 keep a bare 是 from passing through an indicator-id column too; GS-15依据 makes it pass', () => {
    const only = (extra: string) => run(`entity,level,GS-15${extra ? `,GS-15依据` : ''}\n${DISTRICT},区,是${extra ? `,${extra}` : ''}\n`, { indicators: ['GS-15'] });
    expect(at(only('').results, 'GS-15').status).toBe('manual');
    expect(at(only('拱墅区文化馆数字资源建设清单（2023）').results, 'GS-15').status).toBe('pass');
  });
});

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────

describe('§2 roll-ups over communities know how many there are (社区数)', () => {
  // "16.街道、社区公共文化场馆免费提供 Wi-Fi服务。" — every community of every street.
  const noCount = (rows: { level: string; v: Values }[]) => rows.filter((r) => r.level === '街道').forEach((r) => delete r.v.community_count);

  it('18 streets each listing one community with Wi-Fi, and no 社区数: GS-16 is missing (count-unknown, naming the streets), not 18/18', () => {
    const r = at(run(csvOf('是+依据', noCount), { indicators: ['GS-16'] }).results, 'GS-16');
    expect(r.status).toBe('missing');
    const reason = reasonsOf(r).find((x) => x.code === 'count-unknown');
    expect(reason).toBeDefined();
    expect([...(reason!.entities as string[])].sort()).toEqual([...STREETS].sort());
  });

  it('with 社区数 = 1 for each street, the same data passes GS-16', () => {
    expect(at(run(csvOf('是+依据'), { indicators: ['GS-16'] }).results, 'GS-16').status).toBe('pass');
  });

  it('a listed community without Wi-Fi still fails GS-16, count or no count, and is named', () => {
    const r = at(
      run(csvOf('是+依据', (rows) => { noCount(rows); rows.find((x) => x.entity === '米市巷社区')!.v.free_wifi = '否'; }), { indicators: ['GS-16'] }).results,
      'GS-16',
    );
    expect(r.status).toBe('fail');
    expect(r.shortfall).toEqual(['米市巷社区']);
  });

  it('a street whose 社区数 exceeds the communities it lists leaves every community item undecided, naming the gap', () => {
    const results = run(csvOf('是+依据', (rows) => { rows.find((x) => x.entity === '湖墅街道')!.v.community_count = '3'; })).results;
    // GS-09's community share is ≥ 50%, which 18 of 20 known-or-unknown communities decide either way (≥ 18/20 = 90%).
    for (const id of ['GS-05', 'GS-08', 'GS-16', 'GS-20', 'GS-21', 'GS-29', 'GS-42', 'GS-43', 'GS-44']) {
      const r = at(results, id);
      expect(r.status, id).toBe('missing');
      expect(JSON.stringify(r), id).toContain('"unlisted":2'); // 湖墅街道 says 3, lists 1: 2 communities unknown
    }
    // GS-48 "到2025年实现社区覆盖80%以上": 18 of at least 18 and at most 20 communities is 90–100%, so it passes.
    expect(at(results, 'GS-48').status).toBe('pass');
  });

  it('without 社区数, every community roll-up the issue lists is missing, never a pass on the listed rows', () => {
    const results = run(csvOf('是+依据', noCount)).results;
    // GS-09 and GS-48's ≥ 50% / ≥ 80% shares cannot be decided either: the unlisted communities may be any number.
    for (const id of ['GS-05', 'GS-08', 'GS-09', 'GS-16', 'GS-20', 'GS-21', 'GS-29', 'GS-42', 'GS-43', 'GS-44', 'GS-48']) {
      const r = at(results, id);
      expect(r.status, id).toBe('missing');
      expect(JSON.stringify(reasonsOf(r)), id).toContain('count-unknown');
    }
  });

  it('a district-level 社区数 covers its streets', () => {
    const r = run(
      csvOf('是+依据', (rows) => { noCount(rows); rows[0]!.v.community_count = '18'; }),
      { indicators: ['GS-16'] },
    ).results;
    expect(at(r, 'GS-16').status).toBe('pass');
  });
});

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────

describe('§3 GS-36: “新建居住区要按室内人均建筑面积不低于0.1平方米或室外人均用地不低于0.3平方米的标准配建公共健身设施，纳入施工图纸审查，验收未达标不得交付使用”', () => {
  // The 或 holds per residential area: each area meets one floor or the other.
  const areas = [
    { name: 'A', indoor: 0.12, outdoor: 0.1 },
    { name: 'B', indoor: 0.05, outdoor: 0.4 },
  ];
  const compliant = areas.filter((a) => a.indoor >= 0.1 || a.outdoor >= 0.3).length;
  const withAreas = (n: number, ok: number, answer: Judgement = '是+依据') =>
    run(csvOf(answer, (rows) => Object.assign(rows[0]!.v, { new_residential_areas: String(n), new_residential_areas_fitness_ok: String(ok) })), { indicators: ['GS-36'] });

  it('A (indoor 0.12, outdoor 0.1) and B (indoor 0.05, outdoor 0.4) both comply, so 2 of 2 areas count and the item passes', () => {
    expect(compliant).toBe(2);
    // The old encoding ("enter the lowest of each": indoor 0.05, outdoor 0.1) would have failed both floors.
    expect(Math.min(...areas.map((a) => a.indoor)) >= 0.1 || Math.min(...areas.map((a) => a.outdoor)) >= 0.3).toBe(false);
    const r = at(withAreas(areas.length, compliant).results, 'GS-36');
    expect(r.status).toBe('pass');
  });

  it('one area meeting neither floor fails the item', () => {
    expect(at(withAreas(3, 2).results, 'GS-36').status).toBe('fail');
  });

  it('the procedural clauses are judged: 是 without evidence leaves the item manual; 否 fails it', () => {
    expect(at(withAreas(2, 2, '是').results, 'GS-36').status).toBe('manual');
    expect(at(withAreas(2, 2, '否').results, 'GS-36').status).toBe('fail');
  });

  it('no new residential areas: the item does not apply (na)', () => {
    expect(at(withAreas(0, 0, '').results, 'GS-36').status).toBe('na');
  });

  it('streets may report their own counts; the district adds them up', () => {
    const r = run(
      csvOf('是+依据', (rows) => {
        delete rows[0]!.v.new_residential_areas;
        delete rows[0]!.v.new_residential_areas_fitness_ok;
        for (const s of rows.filter((x) => x.level === '街道')) Object.assign(s.v, { new_residential_areas: '0', new_residential_areas_fitness_ok: '0' });
        Object.assign(rows.find((x) => x.entity === '祥符街道')!.v, { new_residential_areas: '2', new_residential_areas_fitness_ok: '1' });
      }),
      { indicators: ['GS-36'] },
    );
    expect(at(r.results, 'GS-36').status).toBe('fail'); // 1 of 2
  });
});

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────

describe('§6 GS-27 “每年为每个街道送演出平均5场以上”: a street-level GS-27 column is accepted', () => {
  const csv = (values: number[]) =>
    `entity,level,parent,GS-27\n${DISTRICT},区,,\n${STREETS.map((s, i) => `${s},街道,${DISTRICT},${values[i]}`).join('\n')}\n`;
  it.each([
    ['pass', [...Array(17).fill(5), 5]], // mean 5, on the line
    ['pass', [3, 7, ...Array(16).fill(5)]], // an average: one street below 5 does not fail it
    ['fail', [4, ...Array(17).fill(5)]], // mean 89/18 < 5
  ] as const)('%s for %j', (status, values) => {
    const r = dabiao(['check', '--standard', 'gongshu-53', '--input-format', 'csv', '--format', 'json', '--fail-on', 'never', '-i', 'GS-27', '-'], csv([...values]));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).results[0].status).toBe(status);
  }, 20000);
});

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────

describe('§5 GS-10 “公共图书馆、文化馆等入驻全省“浙里基本公共服务”数字化平台”: one yes/no per institution', () => {
  const gs10 = (header: string, row: string) => at(run(`entity,level,${header}\n${DISTRICT},区,${row}\n`, { indicators: ['GS-10'] }).results, 'GS-10');
  it('图书馆 是, 文化馆 否: fails, and a 是 for the library cannot hide it', () => {
    expect(gs10('图书馆入驻浙里基本公共服务平台,文化馆入驻浙里基本公共服务平台', '是,否').status).toBe('fail');
  });
  it('both 是: passes', () => {
    expect(gs10('图书馆入驻浙里基本公共服务平台,文化馆入驻浙里基本公共服务平台', '是,是').status).toBe('pass');
  });
  it('only the library given: missing (the 文化馆 is unknown)', () => {
    expect(gs10('图书馆入驻浙里基本公共服务平台', '是').status).toBe('missing');
  });
  it('one GS-10 column answers both: 是 passes, 否 fails', () => {
    expect(gs10('GS-10', '是').status).toBe('pass');
    expect(gs10('GS-10', '否').status).toBe('fail');
  });
});

describe('§5 readings: GS-39 per institution, GS-42 each person, GS-46 pooled venues', () => {
  const one = (id: string, cols: Values, answer: Judgement = '是+依据') =>
    at(run(csvOf(answer, (rows) => Object.assign(rows[0]!.v, cols)), { indicators: [id] }).results, id);

  // "39.区级公共文化机构要配备与履职相适应的人员力量，业务人员占职工总数比例达到85%以上。" — each institution.
  it.each([
    ['85%', 'pass'],
    ['84.9%', 'fail'],
  ] as const)('GS-39: the lowest institution at %s → %s', (share, status) => {
    expect(one('GS-39', { professional_staff_share: share }).status).toBe(status);
  });
  it('GS-39: pooled staff counts are no data item of the standard (a 95% library cannot carry a 70% museum)', () => {
    const r = run(`entity,level,业务人员数,职工总数\n${DISTRICT},区,95,100\n`, { indicators: ['GS-39'] });
    expect(at(r.results, 'GS-39').status).not.toBe('pass');
    expect(r.warnings.map((w) => w.message.en).join('\n')).toMatch(/unknown column "业务人员数"/);
  });

  // "42.区级以上公共文化机构从业人员每年参加脱产培训时间达到15天以上。街道、社区两级文化专兼职人员每年参加集中培训时间达到5天以上。"
  it.each([
    ['15', 'pass'],
    ['14', 'fail'],
  ] as const)('GS-42: the least-trained district staff member at %s days → %s', (days, status) => {
    expect(one('GS-42', { district_training_days: days }).status).toBe(status);
  });
  it('GS-42: one street whose least-trained worker had 4 days fails, and is named', () => {
    const r = at(run(csvOf('是+依据', (rows) => { rows.find((x) => x.entity === '康桥街道')!.v.grassroots_training_days = '4'; }), { indicators: ['GS-42'] }).results, 'GS-42');
    expect(r.status).toBe('fail');
    expect(r.shortfall).toEqual(['康桥街道']);
  });

  // "46.区级文化场馆每年组织开展文化走亲10次以上。" — all district venues together.
  it.each([
    ['10', 'pass'], // e.g. 文化馆 6 + 图书馆 4
    ['9', 'fail'],
  ] as const)('GS-46: district venues together %s times → %s', (n, status) => {
    expect(one('GS-46', { culture_visits: n }).status).toBe(status);
  });
});

describe('other readings the notes record', () => {
  // "5.社区建有不少于100平方米的文化家园或文体活动中心" — either facility: the larger one is entered.
  it('GS-05: a community with a 60 ㎡ 文化家园 and a 120 ㎡ 文体活动中心 enters 120 and passes', () => {
    const r = run(csvOf('是+依据', (rows) => { rows.find((x) => x.entity === '米市巷社区')!.v.community_centre_area = String(Math.max(60, 120)); }), { indicators: ['GS-05'] });
    expect(at(r.results, 'GS-05').status).toBe('pass');
  });
  // "博物馆和美术馆要根据实际情况，定期推出错时（夜间）服务项目" — a district without its own gallery: that part does not apply.
  it('GS-23: no district art gallery → the gallery clause is na, and the museum clause decides', () => {
    const r = run(csvOf('是+依据', (rows) => { rows[0]!.v.has_art_gallery = '否'; delete rows[0]!.v.art_gallery_off_peak_programs; }), { indicators: ['GS-23'] });
    expect(at(r.results, 'GS-23').status).toBe('pass');
  });
  // "48.…到2023年实现街道全覆盖，社区覆盖50%以上，到2025年实现社区覆盖80%以上。"
  it('GS-48 as of 2023: the city-standard clause without evidence keeps the item manual; one street without a steward fails it', () => {
    expect(at(run(csvOf('是'), { indicators: ['GS-48'], asOf: 2023 }).results, 'GS-48').status).toBe('manual');
    const r = run(csvOf('是+依据', (rows) => { rows.find((x) => x.entity === '石桥街道')!.v.culture_steward = '否'; }), { indicators: ['GS-48'], asOf: 2023 });
    expect(at(r.results, 'GS-48').status).toBe('fail');
    expect(at(r.results, 'GS-48').shortfall).toEqual(['石桥街道']);
  });
});

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────

describe('§5 `standards show` prints every disagreement and reading the issue lists', () => {
  it.each([
    // main text 六(2) "截至2025年，18个街道实现全覆盖" vs 附件 "到2023年实现街道全覆盖"
    ['GS-48', ['截至2025年，18个街道实现全覆盖，社区覆盖率达80%以上', '没有2023年阶段', '街道全覆盖和社区50%以上的完成时限为2023年']],
    // main text 三(2) "2025年，区文化馆、区图书馆复评达到国家一级馆标准"; the 附件 has no year
    ['GS-02', ['2025年，区文化馆、区图书馆复评达到国家一级馆标准', '附件本条未写年限', '完成时限：2025年']],
    // main text 二(3) "2025年，共建有区级认定及以上的城市书房40家…"
    ['GS-06', ['2025年，共建有区级认定及以上的城市书房40家', '附件本条未写年限', '完成时限：2025年']],
    ['GS-07', ['文化驿站、文艺星火赋美演艺点实现18个街道全覆盖', '完成时限：2025年']],
    ['GS-04', ['完成时限：2025年']],
    ['GS-19', ['提供时政、三农、科普、文化、生活等方面的信息服务”是本条要求的一部分', 'manual']],
    ['GS-39', ['不是各机构合并计算', '填其中最低的一个', '本文件采纳']],
    ['GS-42', ['每名人员都须达到，不是人均', '最少的一人']],
    ['GS-46', ['区级文化场馆合计每年≥10次（不是每个场馆各10次）']],
    ['GS-10', ['图书馆、文化馆各为一项是/否', '品质文化惠享平台']],
    ['GS-43', ['本文件采纳全区一项人工核查']],
    ['GS-36', ['“或”对每个居住区分别成立', '本条不适用']],
  ] as const)('%s', (id, phrases) => {
    const text = showIndicator(GS, GS.indicators.find((i) => i.id === id)!);
    for (const p of phrases) expect(text).toContain(p);
  });

  it('the CLI prints the same: `dabiao standards show gongshu-53 GS-48` (main text 2025 vs 附件 2023)', () => {
    const r = dabiao(['standards', 'show', 'gongshu-53', 'GS-48']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(showIndicator(GS, GS.indicators.find((i) => i.id === 'GS-48')!));
    expect(r.stdout).toContain('正文重点任务（六）2写“截至2025年，18个街道实现全覆盖，社区覆盖率达80%以上”');
  }, 20000);

  it('clause deadlines: GS-05’s area clause (正文三(3) “到2025年……社区都建有100平方米以上”) and GS-48’s stage clauses', () => {
    const find = (c: Check, pred: (c: Check) => boolean): Check[] => {
      const out: Check[] = [];
      walkChecks(c, [], (x: Check) => {
        if (pred(x)) out.push(x);
      });
      return out;
    };
    const gs05 = GS.indicators.find((i) => i.id === 'GS-05')!;
    const area = find(gs05.check, (c) => c.kind === 'compare' && c.metric === 'community_centre_area');
    expect(area.map((c) => c.deadline)).toEqual(['2025年']);
    const gs48 = GS.indicators.find((i) => i.id === 'GS-48')!;
    const shares = find(gs48.check, (c) => c.kind === 'share');
    expect(shares.map((c) => [c.kind === 'share' && c.value, c.deadline])).toEqual([
      [50, '2023年'],
      [80, '2025年'],
    ]);
    for (const id of ['GS-02', 'GS-04', 'GS-06', 'GS-07']) expect(GS.indicators.find((i) => i.id === id)!.deadline, id).toBe('2025年');
  });
});
