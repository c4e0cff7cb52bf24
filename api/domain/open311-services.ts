import type { Category } from '../../src/schemas/category.ts';
import { attributesOf, type ServiceAttribute } from './open311-attributes.ts';

// The GeoReport v2 documents that describe the endpoint: discovery, the
// services (one per in-scope violation category) and their definitions.

export const OPEN311_SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
/** When the services or their attributes last changed; bump it with them. */
export const OPEN311_CHANGESET = '2026-12-01T00:00:00+08:00';

/** Whether the office may contact the reporter: the report form asks it too (contactConsent). */
export const CONTACT_CONSENT_ATTRIBUTE: ServiceAttribute = {
  code: 'contact_consent',
  datatype: 'singlevaluelist',
  required: false,
  datatypeDescription: '选“同意”时，请同时提供 phone 或 email',
  description: '是否同意承办单位联系您？不同意时，您的姓名和联系方式不向任何人显示。',
  label: '同意联系',
  values: [
    { key: 'yes', name: '同意' },
    { key: 'no', name: '不同意' },
  ],
};

export function serviceAttributes(category: Category): readonly ServiceAttribute[] {
  return [...attributesOf(category.group), CONTACT_CONSENT_ATTRIBUTE];
}

export function serviceOf(category: Category) {
  return {
    service_code: category.code,
    service_name: category.name,
    description: category.description,
    metadata: true,
    type: 'realtime' as const,
    keywords: category.keywords.join(','),
    group: category.group,
  };
}

export function serviceDefinitionOf(category: Category) {
  return {
    service_code: category.code,
    attributes: serviceAttributes(category).map((a, i) => ({
      variable: true,
      code: a.code,
      datatype: a.datatype,
      required: a.required,
      datatype_description: a.datatypeDescription,
      order: i + 1,
      description: a.description,
      ...(a.values ? { values: a.values.map((v) => ({ key: v.key, name: v.name })) } : {}),
    })),
  };
}

export function discoveryOf(baseUrl: string, contact: string, keyService: string) {
  return {
    changeset: OPEN311_CHANGESET,
    contact,
    key_service: keyService,
    endpoints: [
      {
        specification: OPEN311_SPECIFICATION,
        url: baseUrl,
        changeset: OPEN311_CHANGESET,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}
