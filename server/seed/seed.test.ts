import { describe, it, expect } from 'vitest'
import {
  blankFormPath, deliveryChoices, promisesBlankForm, HALL_LEVELS, lawTitle, materialPlaces, MULTIPLE_HINT, nextSteps, otherItemFor, prefillForm, questionText, resolveMaterials, settleChoice,
  visibleSituations, type Answers, type CaseStatus, type FormField,
} from '@tongban/core'
import { demoLicences } from '../src/licences/demo'
import type { FieldCipher } from '../src/auth/crypto'
import { departments, halls, seedForms, seedItems } from './index'
import { blankFormFace } from '../src/notices/blank-forms'
import { renderBlankForm } from '../src/notices/render-form'
import { inspectPdf } from '../src/notices/pdf-inspect'
import type { SeedItem } from './types'

const REQUIRED_NAMES = [
  '居民身份证换领', '居民身份证补领', '户口迁移', '出生登记', '食品经营许可', '个体工商户设立登记',
  '公共场所卫生许可', '建设工程施工许可', '社会保障卡申领', '城乡居民医保参保登记', '住房公积金提取',
  '最低生活保障申请', '残疾人证办理', '老年人优待证', '农村村民建房审批', '不动产登记',
]

const PHONE = /^0\d{2,3}-\d{7,8}$/

/** Every answer set reachable by picking one option per visible question, in order. */
function answerSets(item: SeedItem, limit = 50_000): Answers[] {
  const out: Answers[] = []
  const walk = (idx: number, answers: Answers) => {
    if (out.length >= limit) return
    if (idx === item.situations.length) {
      out.push(answers)
      return
    }
    const situation = item.situations[idx]!
    const visible = visibleSituations({ situations: item.situations.slice(0, idx + 1) }, answers)
      .some((s) => s.id === situation.id)
    if (!visible) return walk(idx + 1, answers)
    for (const option of situation.options) walk(idx + 1, { ...answers, [situation.id]: option.value })
  }
  walk(0, {})
  return out
}

/** answerSets, and for each multiple-choice question also every non-exclusive option at once. */
function answerSetsWithAllTicked(item: SeedItem): Answers[] {
  const many = Object.fromEntries(item.situations.filter((s) => s.multiple).map((s) => [s.id, s.options.filter((o) => !o.exclusive).map((o) => o.value)]))
  return [...answerSets(item), ...answerSets(item).map((a) => ({ ...a, ...Object.fromEntries(Object.keys(many).filter((id) => a[id] !== undefined).map((id) => [id, many[id]!])) }))]
}

function signature(item: SeedItem, answers: Answers): string {
  const checklist = resolveMaterials(item, answers)
  return checklist.entries
    .map((e) => `${e.material.id}:${e.status}:${e.copies}:${e.forms.join('+')}:${e.notes.join('|')}`)
    .join('\n')
}

describe('seed departments and halls', () => {
  it('has at least 10 departments with unique, well-formed codes', () => {
    expect(departments.length).toBeGreaterThanOrEqual(10)
    const codes = departments.map((d) => d.code)
    expect(new Set(codes).size).toBe(codes.length)
    for (const d of departments) {
      expect(d.code).toMatch(/^[A-Za-z0-9_-]{1,32}$/)
      expect(d.name).toMatch(/^示例市/)
    }
  })

  it('has halls at all four levels with unique ids, 6-digit region codes and phones', () => {
    const ids = halls.map((h) => h.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const level of HALL_LEVELS) expect(halls.some((h) => h.level === level)).toBe(true)
    expect(halls.filter((h) => h.level === 'city')).toHaveLength(1)
    expect(halls.filter((h) => h.level === 'district').length).toBeGreaterThanOrEqual(2)
    expect(halls.filter((h) => h.level === 'township').length).toBeGreaterThanOrEqual(2)
    expect(halls.filter((h) => h.level === 'village').length).toBeGreaterThanOrEqual(3)
    for (const h of halls) {
      expect(h.regionCode).toMatch(/^\d{6}$/)
      expect(h.phone).toMatch(PHONE)
      expect(h.address).toMatch(/^示例市/)
      expect(h.hours).toMatch(/周一至周五/)
      expect(h.lat).toBeGreaterThan(3)
      expect(h.lat).toBeLessThan(54)
      expect(h.lng).toBeGreaterThan(73)
      expect(h.lng).toBeLessThan(136)
    }
  })
})

describe('seed items', () => {
  it('print every legal basis with its law in 《》 exactly once (lawTitle, both shells)', () => {
    const printed = seedItems.flatMap((i) => i.legalBasis.map((b) => lawTitle(b.law)))
    expect(printed.length).toBeGreaterThan(40)
    expect(printed.filter((t) => !t.startsWith('《') || t.includes('《《') || t.includes('》》'))).toEqual([])
  })

  const deptByCode = new Map(departments.map((d) => [d.code, d]))
  const hallById = new Map(halls.map((h) => [h.id, h]))

  it('has enough items, departments, levels and situations', () => {
    expect(seedItems.length).toBeGreaterThanOrEqual(42)
    expect(new Set(seedItems.map((i) => i.department.code)).size).toBeGreaterThanOrEqual(8)
    for (const level of HALL_LEVELS) expect(seedItems.some((i) => i.levels.includes(level))).toBe(true)
    expect(seedItems.filter((i) => i.situations.length > 0).length).toBeGreaterThanOrEqual(12)
  })

  it('contains every required item name', () => {
    const names = new Set(seedItems.map((i) => i.name))
    for (const name of REQUIRED_NAMES) expect(names, name).toContain(name)
  })

  it('has unique, well-formed codes and unique names', () => {
    const codes = seedItems.map((i) => i.code)
    expect(new Set(codes).size).toBe(codes.length)
    for (const code of codes) expect(code).toMatch(/^[A-Za-z0-9-]{1,64}$/)
    const names = seedItems.map((i) => i.name)
    expect(new Set(names).size).toBe(names.length)
  })

  describe.each(seedItems.map((item) => [`${item.code} ${item.name}`, item] as const))('%s', (_label, item) => {
    it('names an existing department and existing halls at its own levels', () => {
      expect(deptByCode.get(item.department.code)).toEqual(item.department)
      expect(item.levels.length).toBeGreaterThan(0)
      expect(item.locations.length).toBeGreaterThan(0)
      for (const loc of item.locations) {
        const hall = hallById.get(loc.hallId)
        expect(hall, loc.hallId).toBeDefined()
        expect(item.levels).toContain(hall!.level)
      }
      for (const level of item.levels) {
        expect(item.locations.some((l) => hallById.get(l.hallId)?.level === level), level).toBe(true)
      }
    })

    it('has a complete guide', () => {
      expect(item.aliases.length).toBeGreaterThan(0)
      expect(new Set(item.aliases).size).toBe(item.aliases.length)
      expect(item.lifeEvents.length).toBeGreaterThan(0)
      expect(item.subjects.length).toBeGreaterThan(0)
      expect(item.legalBasis.length).toBeGreaterThan(0)
      for (const b of item.legalBasis) expect(b.law).toMatch(/^《.+》/)
      expect(item.conditions.length).toBeGreaterThan(0)
      expect(item.materials.length).toBeGreaterThan(0)
      expect(item.steps.length).toBeGreaterThanOrEqual(2)
      expect(item.faq.length).toBeGreaterThanOrEqual(2)
      expect(item.faq.length).toBeLessThanOrEqual(4)
      expect(item.consultPhone).toMatch(PHONE)
      expect(item.complaintPhone).toMatch(/^(12345|0\d{2,3}-\d{7,8})$/)
      expect(item.result.name.length).toBeGreaterThan(0)
      expect(item.deliveryOptions.length).toBeGreaterThan(0)
      expect(JSON.stringify(item)).not.toMatch(/lorem|ipsum|TODO|xxx/i)
    })

    it('has consistent time limits, fees and visits', () => {
      if (item.handlingType === 'immediate') expect(item.promisedDays).toBe(0)
      else expect(item.promisedDays).toBeGreaterThan(0)
      if (item.statutoryDays !== null && item.handlingType === 'promised') {
        expect(item.promisedDays).toBeLessThan(item.statutoryDays)
      }
      expect([0, 1, 2]).toContain(item.visits)
      if (item.visits === 0) expect(item.onlineDepth).toBe('full_online')
      if (item.fee.free) expect(item.fee.items).toHaveLength(0)
      else expect(item.fee.items.length).toBeGreaterThan(0)
    })

    it('has unique material ids, and conditional materials say when and can be reached', () => {
      const ids = item.materials.map((m) => m.id)
      expect(new Set(ids).size).toBe(ids.length)
      const added = new Set(
        item.situations.flatMap((s) => s.options.flatMap((o) => (o.effects ?? []).filter((e) => e.op === 'add').map((e) => e.materialId))),
      )
      for (const m of item.materials) {
        expect(m.copies, m.id).toBeGreaterThan(0)
        expect(m.forms.length, m.id).toBeGreaterThan(0)
        if (m.requirement === 'conditional') {
          expect(m.condition, m.id).toBeTruthy()
          expect(added.has(m.id), `${m.id} is never added by an answer`).toBe(true)
        }
      }
    })

    it('has situations whose effects name its materials and whose showIf looks back', () => {
      const materialIds = new Set(item.materials.map((m) => m.id))
      const seen = new Map<string, Set<string>>()
      for (const s of item.situations) {
        expect(seen.has(s.id), `duplicate situation ${s.id}`).toBe(false)
        expect(s.options.length).toBeGreaterThanOrEqual(2)
        const values = s.options.map((o) => o.value)
        expect(new Set(values).size).toBe(values.length)
        for (const o of s.options) {
          for (const e of o.effects ?? []) expect(materialIds.has(e.materialId), `${s.id}/${o.value} → ${e.materialId}`).toBe(true)
        }
        if (s.showIf) {
          const parent = seen.get(s.showIf.situationId)
          expect(parent, `${s.id} shows after unknown or later ${s.showIf.situationId}`).toBeDefined()
          expect(s.showIf.values.length).toBeGreaterThan(0)
          for (const v of s.showIf.values) expect(parent!.has(v), `${s.id} showIf value ${v}`).toBe(true)
        }
        seen.set(s.id, new Set(values))
      }
    })

    if (item.situations.length > 0) it('gives different checklists for different answers', () => {
      const sets = answerSets(item)
      expect(sets.length).toBeGreaterThanOrEqual(2)
      const signatures = new Set(sets.map((a) => signature(item, a)))
      expect(signatures.size).toBeGreaterThanOrEqual(2)
      for (const answers of sets) {
        const checklist = resolveMaterials(item, answers)
        expect(checklist.complete).toBe(true)
        expect(checklist.invalid).toEqual([])
        expect(checklist.entries.some((e) => e.status === 'maybe')).toBe(false)
      }
    })

    if (item.situations.length > 0) it('lists every conditional material as "maybe" before any answer', () => {
      const checklist = resolveMaterials(item, {})
      const firstVisible = new Set(visibleSituations(item, {}).map((s) => s.id))
      const addableNow = new Set(
        item.situations
          .filter((s) => firstVisible.has(s.id))
          .flatMap((s) => s.options.flatMap((o) => (o.effects ?? []).filter((e) => e.op === 'add').map((e) => e.materialId))),
      )
      for (const id of addableNow) {
        const m = item.materials.find((x) => x.id === id)!
        if (m.requirement !== 'conditional') continue
        expect(checklist.entries.find((e) => e.material.id === id)?.status, id).toBe('maybe')
      }
    })
  })
})

describe('seeded application forms', async () => {
  const { schemaIssues, validateForm } = await import('@tongban/core')


  for (const [code, form] of Object.entries(seedForms)) {
    const item = seedItems.find((i) => i.code === code)!
    it(`${code}: the form is a valid schema tied to the item's materials and situations`, () => {
      expect(item).toBeDefined()
      expect(schemaIssues(form)).toEqual([])
      const materialIds = new Set(item.materials.map((m) => m.id))
      const situationIds = new Set(item.situations.map((s) => s.id))
      const walk = (fields: typeof form.fields): void => {
        for (const f of fields) {
          if (f.type === 'material' && f.materialId) expect(materialIds.has(f.materialId), f.name).toBe(true)
          for (const c of [f.visibleWhen, f.requiredWhen]) {
            const json = JSON.stringify(c ?? {})
            for (const m of json.matchAll(/"situation":"([^"]+)","in":(\[[^\]]*\])/g)) {
              expect(situationIds.has(m[1]!), `${f.name} → ${m[1]}`).toBe(true)
              const options = new Set(item.situations.find((s) => s.id === m[1])!.options.map((o) => o.value))
              for (const v of JSON.parse(m[2]!) as string[]) expect(options.has(v), `${f.name} → ${m[1]}=${v}`).toBe(true)
            }
          }
          if (f.type === 'group') walk(f.fields)
        }
      }
      walk(form.fields)
    })
  }

  it('marks the applicant’s own name and ID number on every form (filled from the real name, read-only, checked on submit)', () => {
    for (const [code, form] of Object.entries(seedForms)) {
      const own = validateForm(form, {}, { answers: {}, today: '2026-11-23' }).applicant
      expect(own.map((f) => f.key).sort(), code).toEqual(['idNumber', 'name'])
      // Every top-level field the real name fills is the applicant's (the 食品经营许可's 负责人 unless a 委托代理人 applies).
      for (const f of form.fields) if ((f.type === 'text' || f.type === 'residentId') && (f.prefill === 'name' || f.prefill === 'idNumber')) expect(f.applicant, `${code}.${f.name}`).toBeDefined()
    }
    expect(validateForm(seedForms['SJ-0001']!, {}, { answers: { proxy: 'agent' } }).applicant).toEqual([])
  })

  it('allows another’s e-licence only where the law does (a family member’s 残疾人证, a spouse’s 不动产权证书)', () => {
    const others = Object.entries(seedForms).flatMap(([code, form]) => form.fields.filter((f) => f.type === 'material' && f.eLicenceOfOthers).map((f) => `${code}.${f.name}`))
    expect(others.sort()).toEqual(['GJ-0001.propertyCert', 'MZ-0001.disabilityCardFile'])
  })

  it('SJ-0001: asks for food-safety managers only for catering, in Chinese', () => {
    const form = seedForms['SJ-0001']!
    const sales = validateForm(form, {}, { answers: { category: 'sales' }, today: '2026-11-23' })
    expect(sales.issues.map((i) => i.path)).not.toContain('safetyManagers')
    const catering = validateForm(form, {}, { answers: { category: 'catering' }, today: '2026-11-23' })
    const managers = catering.issues.find((i) => i.path === 'safetyManagers')
    expect(managers?.message).toMatch(/食品安全管理人员/)
    expect(catering.issues.find((i) => i.path === 'operatorName')?.message).toMatch(/经营者名称/)
  })

  it('GJ-0001: asks for the lease only when renting, the rent only at actual cost, the spouse only when withdrawing jointly', () => {
    const form = seedForms['GJ-0001']!
    const paths = (answers: Record<string, string>, values = {}) => validateForm(form, values, { answers, today: '2026-11-23' }).required
    expect(paths({ reason: 'retire' })).not.toContain('leasePeriod')
    expect(paths({ reason: 'rent', 'rent-basis': 'standard' })).not.toContain('monthlyRent')
    expect(paths({ reason: 'rent', 'rent-basis': 'actual' })).toEqual(expect.arrayContaining(['leasePeriod', 'monthlyRent']))
    expect(paths({ reason: 'purchase' })).toEqual(expect.arrayContaining(['propertyCert', 'purchaseDate']))
    expect(paths({ reason: 'loan' }, { spouseJoint: true })).toEqual(expect.arrayContaining(['spouseName', 'spouseId']))
  })

  it('MZ-0001: every household member is checked, and the finance check must be authorised', () => {
    const form = seedForms['MZ-0001']!
    const r = validateForm(form, { members: [{ name: '张三', relation: 'self', idNumber: '110105194912310021' }] }, { today: '2026-11-23' })
    const byPath = Object.fromEntries(r.issues.map((i) => [i.path, i.message]))
    expect(byPath['members.0.idNumber']).toMatch(/校验位/)
    expect(byPath['members.0.monthlyIncome']).toMatch(/月收入/)
    expect(byPath['checkAuth']).toBeDefined()
  })

  it('MZ-0001: the household list starts with 本人 from the real name, so the applicant is not typed twice', () => {
    const form = seedForms['MZ-0001']!
    expect(prefillForm(form, { name: '王芳', idNumber: '11010519491231002X', phone: '13800138000' }).members)
      .toEqual([{ relation: 'self', name: '王芳', idNumber: '11010519491231002X' }])
  })
})

describe('what the product tells a citizen is true (issue 17 §2)', () => {
  const byCode = new Map(seedItems.map((i) => [i.code, i]))

  it('every item offers a way to receive its result now; a 零跑动 item never sends anyone to a window; 电子证照 only where one is issued', () => {
    for (const item of seedItems) {
      const choices = deliveryChoices(item)
      expect(choices.filter((c) => !c.soon).length, item.code).toBeGreaterThan(0)
      if (item.visits === 0) expect(choices.map((c) => c.label).join(''), item.code).not.toMatch(/窗口/)
      if (!item.result.eLicence) expect(choices.map((c) => c.label).join(''), item.code).not.toMatch(/证照/)
      if (item.result.eLicence) expect(item.result.name, item.code).toMatch(/证|照|证明/)
    }
  })

  it('every sentence of 接下来 fits its item, for every item, delivery offered and open status', () => {
    const statuses: CaseStatus[] = ['submitted', 'pre_review', 'supplement_required', 'accepted', 'in_progress', 'decided']
    for (const item of seedItems) {
      for (const c of deliveryChoices(item).filter((x) => !x.soon)) {
        for (const status of statuses) {
          const text = nextSteps(item, { status, delivery: c.method, answers: {} }).join('\n')
          if (item.visits === 0) expect(text, item.code).not.toMatch(/窗口领取|到现场\d次|带上/)
          else if (status !== 'decided') expect(text, item.code).toMatch(`最多到现场${item.visits}次`)
          if (!item.result.eLicence) expect(text, item.code).not.toMatch(/证照/)
          expect(text, item.code).not.toMatch(/无需到现场[\s\S]*窗口|窗口领取[\s\S]*无需到现场/)
        }
      }
      expect(nextSteps(item, { status: 'completed', outcome: 'approved', delivery: 'electronic', answers: {} }), item.code).toEqual([])
    }
  })

  it('promises no message nothing sends (the messages issue adds them)', () => {
    const promise = /通知您|会通知|短信通知|消息提醒|提醒您|推送给您|发消息/
    expect(JSON.stringify(seedItems).match(promise)).toBeNull()
    for (const item of seedItems) {
      for (const c of deliveryChoices(item)) expect(nextSteps(item, { status: 'submitted', delivery: c.method, answers: {} }).join(''), item.code).not.toMatch(promise)
    }
  })

  it('addresses the citizen as 您, never 你', () => {
    const text = JSON.stringify({ seedItems, seedForms: Object.values(seedForms) })
    expect(text.match(/.{0,12}你.{0,12}/g)).toBeNull()
  })

  it('leaves the 可多选 hint to the core, which adds it once', () => {
    for (const item of seedItems) {
      for (const s of item.situations) {
        expect(s.question, `${item.code}/${s.id}`).not.toContain('可多选')
        expect(questionText(s).split(MULTIPLE_HINT).length - 1).toBe(s.multiple ? 1 : 0)
      }
    }
  })

  it('marks a none-of-these answer (没有, 仅…) exclusive, only in multiple-choice questions, and ticking it clears the others', () => {
    for (const item of seedItems) {
      for (const s of item.situations) {
        for (const o of s.options) {
          if (o.exclusive) expect(s.multiple, `${item.code}/${s.id}/${o.value}`).toBe(true)
          if (s.multiple && /^(没有|无|否|仅)/.test(o.label)) expect(o.exclusive, `${item.code}/${s.id}/${o.value}`).toBe(true)
        }
      }
    }
    const health = byCode.get('MZ-0001')!.situations.find((s) => s.id === 'health')!
    expect(settleChoice(health, ['disabled'], ['disabled', 'none'])).toEqual(['none'])
    expect(settleChoice(health, ['none'], ['none', 'disabled'])).toEqual(['disabled'])
  })

  it('links an answer meaning another item to that item, which exists and is named as it is', () => {
    const links = seedItems.flatMap((i) => i.situations.flatMap((s) => s.options.flatMap((o) => (o.otherItem ? [{ from: i.code, ...o.otherItem }] : []))))
    expect(links.length).toBeGreaterThan(0)
    for (const l of links) {
      expect(l.code).not.toBe(l.from)
      expect(byCode.get(l.code)?.name, l.code).toBe(l.name)
    }
    expect(otherItemFor(byCode.get('SJ-0001')!, { category: 'prepack' })?.otherItem).toEqual({ code: 'SJ-0006', name: '仅销售预包装食品备案' })
    expect(otherItemFor(byCode.get('SJ-0001')!, { category: 'catering' })).toBeNull()
  })
})

describe('every material the guide asks for has its place in the online form, or is handed in at the hall', () => {
  for (const [code, form] of Object.entries(seedForms)) {
    const item = seedItems.find((i) => i.code === code)!
    it(`${code}: names only its own materials and fields; a 零跑动 item sends nothing to the hall`, () => {
      const ids = new Set(item.materials.map((m) => m.id))
      const fields = new Set(form.fields.map((f) => f.name))
      for (const [id, field] of Object.entries(form.fills ?? {})) {
        expect(ids.has(id), id).toBe(true)
        if (field !== '') expect(fields.has(field), field).toBe(true)
      }
      for (const id of form.atHall ?? []) expect(ids.has(id), id).toBe(true)
      if (item.visits === 0) expect(form.atHall ?? []).toEqual([])
    })

    it(`${code}: for every set of answers, each required material has a place`, () => {
      const sets = answerSetsWithAllTicked(item).filter((a) => !otherItemFor(item, a))
      expect(sets.length).toBeGreaterThan(1)
      for (const answers of sets) {
        const missing = materialPlaces(item, answers).filter((p) => p.place === 'missing').map((p) => p.entry.material.name)
        expect(missing, JSON.stringify(answers)).toEqual([])
      }
    })
  }

  it('SJ-0001: 规章制度目录清单 is uploaded with the form; MZ-0001: 残疾人证 has its field once 有残疾人 is ticked, and the originals go to the window', () => {
    const food = seedItems.find((i) => i.code === 'SJ-0001')!
    expect(materialPlaces(food, { category: 'sales' }).find((p) => p.entry.material.id === 'rules')).toMatchObject({ place: 'field', field: 'rulesFile' })
    const dibao = seedItems.find((i) => i.code === 'MZ-0001')!
    expect(materialPlaces(dibao, { health: ['disabled'] }).find((p) => p.entry.material.id === 'disability-card')).toMatchObject({ place: 'field', field: 'disabilityCardFile' })
    const steps = nextSteps(dibao, { status: 'submitted', delivery: 'pickup', answers: { health: ['none'] } })
    expect(steps).toContain('最多到现场1次，到窗口时请带上：共同生活家庭成员的居民身份证（原件）、共同生活家庭成员的居民户口簿（原件）。')
  })
})

describe('every blank form a guide promises (网上下载) is a real file', () => {
  const promised = seedItems.flatMap((item) => item.materials.filter(promisesBlankForm).map((m) => ({ item: { ...item, updatedAt: '2026-05-01T00:00:00.000Z' }, m })))

  it('links each promise to the PDF the BFF renders, and promises nothing else', () => {
    expect(promised.length).toBeGreaterThan(30)
    for (const item of seedItems) {
      for (const m of item.materials) {
        if (promisesBlankForm(m)) expect(m.blankFormUrl, `${item.code} ${m.name}`).toBe(blankFormPath(item.code, m.id))
        else expect(m.blankFormUrl, `${item.code} ${m.name}: a link the guide does not promise`).toBeUndefined()
      }
    }
  })

  it('gives every 承诺书 with a promised form its commitment text', () => {
    const pledges = promised.filter(({ m }) => /承诺书/.test(m.name))
    expect(pledges.map(({ item, m }) => `${item.code}/${m.id}`).sort()).toEqual(['MZ-0001/income-statement', 'NY-0001/use-promise', 'WJ-0001/promise-letter'])
    for (const { item, m } of pledges) {
      expect(m.commitment?.length, `${item.code} ${m.name}`).toBeGreaterThan(0)
      for (const p of m.commitment!) expect(p, `${item.code} ${m.name}`).not.toMatch(/你/)
    }
  })

  it('renders each one: its title, its item and a place to sign', async () => {
    for (const { item, m } of promised) {
      const face = blankFormFace(item, m)
      expect(face, `${item.code} ${m.name}`).not.toBeNull()
      const text = (await inspectPdf(await renderBlankForm(face!))).text
      for (const s of [face!.title, item.name, '（签字或盖章）', ...(m.commitment ?? []).map((p) => p.replace(/\s+/g, ''))]) expect(text, `${item.code} ${m.name}`).toContain(s)
    }
  }, 120_000)
})

describe('e-licences are named as the catalogue names them (issue 17 §1)', () => {
  const fieldTypes = (fields: readonly FormField[]): string[] =>
    fields.flatMap((f) => (f.type === 'material' ? f.eLicenceTypes ?? [] : f.type === 'group' ? fieldTypes(f.fields) : []))
  const wallet = demoLicences(
    { accountId: 'seed-test', realName: { name: '李桂兰', idNumber: '11010519491231002X' }, company: null },
    { encrypt: (s: string) => s, decrypt: (s: string) => s } as unknown as FieldCipher,
    (id) => id,
  )
  const formTypes = new Set(Object.values(seedForms).flatMap((f) => fieldTypes(f.fields)))
  const guideTypes = new Set(seedItems.flatMap((i) => i.materials.map((m) => m.eLicenceType).filter((t): t is string => !!t)))

  it('every type a form field takes is one a guide names for its material', () => {
    expect([...formTypes].filter((t) => !guideTypes.has(t))).toEqual([])
  })

  it('every licence the demo wallet holds is of a type the guides name, so a field taking that type offers it', () => {
    expect(wallet.map((l) => l.type).filter((t) => !guideTypes.has(t))).toEqual([])
    expect(formTypes.has('居民户口簿')).toBe(true)
  })
})
