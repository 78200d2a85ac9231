// Valid STIX 2.1 objects used by the unit, integration and round-trip tests (each rule's "good" case).
import type { StixObject } from './types.js';

export const T0 = '2026-01-10T08:00:00.000Z';
export const T1 = '2026-01-12T09:30:00.123Z';
export const TLP_AMBER_ID = 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421';

export function goodObjects(): Record<string, StixObject> {
  const common = { spec_version: '2.1', created: T0, modified: T1 };
  return {
    indicator: {
      type: 'indicator',
      id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
      ...common,
      name: 'Phishing domain',
      pattern: "[domain-name:value = 'pay-refund.example']",
      pattern_type: 'stix',
      valid_from: T0,
      object_marking_refs: [TLP_AMBER_ID],
    },
    observedData: {
      type: 'observed-data',
      id: 'observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf',
      ...common,
      first_observed: T0,
      last_observed: T1,
      number_observed: 3,
      object_refs: ['ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd'],
    },
    malware: {
      type: 'malware',
      id: 'malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b',
      ...common,
      name: 'Cryptolocker',
      is_family: true,
    },
    campaign: {
      type: 'campaign',
      id: 'campaign--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
      ...common,
      name: 'Green Group Attacks',
    },
    threatActor: {
      type: 'threat-actor',
      id: 'threat-actor--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
      ...common,
      name: 'Evil Org',
    },
    infrastructure: {
      type: 'infrastructure',
      id: 'infrastructure--38c47d93-d984-4fd9-b87b-d69d0841628d',
      ...common,
      name: 'C2 hosts',
    },
    relationship: {
      type: 'relationship',
      id: 'relationship--44298a74-ba52-4f0c-87a3-1824e67d7fad',
      ...common,
      relationship_type: 'indicates',
      source_ref: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
      target_ref: 'malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b',
    },
    sighting: {
      type: 'sighting',
      id: 'sighting--ee20065d-2555-424f-ad9e-0f8428623c75',
      ...common,
      sighting_of_ref: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
      count: 2,
      first_seen: T0,
      last_seen: T1,
    },
    statement: {
      type: 'marking-definition',
      id: 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e4fff',
      spec_version: '2.1',
      created: T0,
      definition_type: 'statement',
      definition: { statement: 'Copyright 2026, Example Police' },
    },
    tlp2Amber: {
      type: 'marking-definition',
      spec_version: '2.1',
      id: TLP_AMBER_ID,
      created: '2022-10-01T00:00:00.000Z',
      name: 'TLP:AMBER',
      extensions: {
        'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d': {
          extension_type: 'property-extension',
          tlp_2_0: 'amber',
        },
      },
    },
    tlp1Green: {
      type: 'marking-definition',
      spec_version: '2.1',
      id: 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da',
      created: '2017-01-20T00:00:00.000Z',
      definition_type: 'tlp',
      name: 'TLP:GREEN',
      definition: { tlp: 'green' },
    },
    ipv4: {
      type: 'ipv4-addr',
      spec_version: '2.1',
      id: 'ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd',
      value: '198.51.100.3',
    },
    ipv6: { type: 'ipv6-addr', id: 'ipv6-addr--1e61d36c-a16c-53b7-a80f-2a00161c96b1', value: '2001:db8::/32' },
    domain: {
      type: 'domain-name',
      spec_version: '2.1',
      id: 'domain-name--3c10e93f-798e-5a26-a0c1-08156efab7f5',
      value: 'example.com',
    },
    url: {
      type: 'url',
      spec_version: '2.1',
      id: 'url--c1477287-23ac-5971-a010-5c287877fa60',
      value: 'https://example.com/research/index.html',
    },
    email: {
      type: 'email-addr',
      spec_version: '2.1',
      id: 'email-addr--2d77a846-6264-5d51-b586-e43822ea1ea3',
      value: 'john@example.com',
    },
    file: {
      type: 'file',
      spec_version: '2.1',
      id: 'file--e277603e-1060-5ad4-9937-c26c97f1ca68',
      name: 'foo.dll',
      hashes: { 'SHA-256': 'fe90a7e910cb3a4739bed9180e807e93fa70c90f25a8915476f5e4bfbac681db' },
    },
    networkTraffic: {
      type: 'network-traffic',
      spec_version: '2.1',
      id: 'network-traffic--2568d22a-8998-58eb-99ec-3c8ca74f527d',
      src_ref: 'ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd',
      dst_port: 443,
      protocols: ['ipv4', 'tcp'],
    },
    as: {
      type: 'autonomous-system',
      spec_version: '2.1',
      id: 'autonomous-system--f720c34b-98ae-597f-ade5-27dc241e8c74',
      number: 15139,
    },
    mac: {
      type: 'mac-addr',
      spec_version: '2.1',
      id: 'mac-addr--65cfcf98-8a6e-5a1b-8f61-379ac4f92d00',
      value: 'd2:fb:49:24:37:18',
    },
    userAccount: {
      type: 'user-account',
      spec_version: '2.1',
      id: 'user-account--0d5b424b-93b8-5cd8-ac36-306e1789d63c',
      user_id: '1001',
      account_login: 'jdoe',
    },
    x509: {
      type: 'x509-certificate',
      spec_version: '2.1',
      id: 'x509-certificate--463d7b2a-8516-5a50-a3d7-6f801465d5de',
      issuer: 'C=ZA, O=Thawte',
      validity_not_before: '2016-03-12T12:00:00Z',
      validity_not_after: '2016-08-21T12:00:00Z',
    },
    custom: {
      type: 'x-police-unit',
      spec_version: '2.1',
      id: 'x-police-unit--4527e5de-8572-446a-a57a-706f15467461',
      created: T0,
      modified: T0,
      x_unit_name: 'CID',
    },
  };
}
