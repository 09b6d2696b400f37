// The remaining configuration-set option groups through real clients (ses-facts §A.2, §A.13):
// v1 Create/Update/DeleteConfigurationSetTrackingOptions (error codes keep their Exception suffix on the
// wire) and PutConfigurationSetDeliveryOptions with @aws-sdk/client-ses; v2 PutConfigurationSetVdmOptions,
// PutConfigurationSetArchivingOptions and UpdateConfigurationSet with @aws-sdk/client-sesv2 — each seen
// back through GetConfigurationSet / DescribeConfigurationSet.
import { describe, expect, it } from 'vitest';
import {
  CreateConfigurationSetCommand,
  GetConfigurationSetCommand,
  PutConfigurationSetArchivingOptionsCommand,
  PutConfigurationSetTrackingOptionsCommand,
  PutConfigurationSetVdmOptionsCommand,
  UpdateConfigurationSetCommand,
  type SESv2Client,
} from '@aws-sdk/client-sesv2';
import {
  CreateConfigurationSetCommand as V1Create,
  CreateConfigurationSetTrackingOptionsCommand,
  DeleteConfigurationSetTrackingOptionsCommand,
  DescribeConfigurationSetCommand,
  PutConfigurationSetDeliveryOptionsCommand,
  UpdateConfigurationSetTrackingOptionsCommand,
  type SESClient,
} from '@aws-sdk/client-ses';
import { rejection } from '../helpers/rejection';
import { useSdkSesame } from '../helpers/sdk-sesame';

let v2: SESv2Client;
let v1: SESClient;
useSdkSesame((t) => ({ v2, v1 } = t));

const describeSet = async (name: string) => {
  const { $metadata: _m, ...out } = await v1.send(
    new DescribeConfigurationSetCommand({ ConfigurationSetName: name, ConfigurationSetAttributeNames: ['trackingOptions', 'deliveryOptions'] }),
  );
  return out;
};

describe('v1 tracking options with @aws-sdk/client-ses', () => {
  it('Create, Update and Delete round-trip through DescribeConfigurationSet and v2 GetConfigurationSet', async () => {
    await v1.send(new V1Create({ ConfigurationSet: { Name: 'v1-track' } }));
    expect(await describeSet('v1-track')).toEqual({ ConfigurationSet: { Name: 'v1-track' }, DeliveryOptions: { TlsPolicy: 'Optional' } });

    await v1.send(new CreateConfigurationSetTrackingOptionsCommand({ ConfigurationSetName: 'v1-track', TrackingOptions: { CustomRedirectDomain: 'click.example.com' } }));
    expect((await describeSet('v1-track')).TrackingOptions).toEqual({ CustomRedirectDomain: 'click.example.com' });

    await v1.send(new UpdateConfigurationSetTrackingOptionsCommand({ ConfigurationSetName: 'v1-track', TrackingOptions: { CustomRedirectDomain: 'go.example.com' } }));
    const got = await v2.send(new GetConfigurationSetCommand({ ConfigurationSetName: 'v1-track' }));
    expect(got.TrackingOptions).toEqual({ CustomRedirectDomain: 'go.example.com' });

    await v1.send(new DeleteConfigurationSetTrackingOptionsCommand({ ConfigurationSetName: 'v1-track' }));
    expect((await describeSet('v1-track')).TrackingOptions).toBeUndefined();
  });

  it('answers TrackingOptionsAlreadyExistsException / TrackingOptionsDoesNotExistException with the suffix on the wire', async () => {
    await v1.send(new V1Create({ ConfigurationSet: { Name: 'v1-track-err' } }));
    const update = await rejection(v1.send(new UpdateConfigurationSetTrackingOptionsCommand({ ConfigurationSetName: 'v1-track-err', TrackingOptions: { CustomRedirectDomain: 'a.example.com' } })));
    expect(update).toMatchObject({ name: 'TrackingOptionsDoesNotExistException', $metadata: { httpStatusCode: 400 } });
    expect(update.message).toBe('Tracking options for configuration set v1-track-err do not exist.');
    const del = await rejection(v1.send(new DeleteConfigurationSetTrackingOptionsCommand({ ConfigurationSetName: 'v1-track-err' })));
    expect(del.name).toBe('TrackingOptionsDoesNotExistException');
    expect((del as unknown as { Code?: string }).Code).toBe('TrackingOptionsDoesNotExistException');

    await v1.send(new CreateConfigurationSetTrackingOptionsCommand({ ConfigurationSetName: 'v1-track-err', TrackingOptions: { CustomRedirectDomain: 'a.example.com' } }));
    const dup = await rejection(v1.send(new CreateConfigurationSetTrackingOptionsCommand({ ConfigurationSetName: 'v1-track-err', TrackingOptions: { CustomRedirectDomain: 'b.example.com' } })));
    expect(dup).toMatchObject({ name: 'TrackingOptionsAlreadyExistsException', message: 'Tracking options for configuration set v1-track-err already exist.' });
    expect((dup as unknown as { Code?: string }).Code).toBe('TrackingOptionsAlreadyExistsException');
  });

  it('checks the set first, then the domain (InvalidTrackingOptions)', async () => {
    const missing = await rejection(v1.send(new CreateConfigurationSetTrackingOptionsCommand({ ConfigurationSetName: 'nope', TrackingOptions: { CustomRedirectDomain: 'a.example.com' } })));
    expect(missing).toMatchObject({ name: 'ConfigurationSetDoesNotExistException', message: 'Configuration set nope does not exist.' });
    await v1.send(new V1Create({ ConfigurationSet: { Name: 'v1-track-bad' } }));
    const bad = await rejection(v1.send(new CreateConfigurationSetTrackingOptionsCommand({ ConfigurationSetName: 'v1-track-bad', TrackingOptions: { CustomRedirectDomain: 'not a domain' } })));
    expect(bad.name).toBe('InvalidTrackingOptionsException');
    expect(bad.message).toContain('<not a domain>');
  });

  it('a v2 HttpsPolicy survives a v1 update', async () => {
    await v2.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'mixed-track' }));
    await v2.send(new PutConfigurationSetTrackingOptionsCommand({ ConfigurationSetName: 'mixed-track', CustomRedirectDomain: 'x.example.com', HttpsPolicy: 'REQUIRE' }));
    const dup = await rejection(v1.send(new CreateConfigurationSetTrackingOptionsCommand({ ConfigurationSetName: 'mixed-track', TrackingOptions: { CustomRedirectDomain: 'y.example.com' } })));
    expect(dup.name).toBe('TrackingOptionsAlreadyExistsException');
    await v1.send(new UpdateConfigurationSetTrackingOptionsCommand({ ConfigurationSetName: 'mixed-track', TrackingOptions: { CustomRedirectDomain: 'y.example.com' } }));
    const got = await v2.send(new GetConfigurationSetCommand({ ConfigurationSetName: 'mixed-track' }));
    expect(got.TrackingOptions).toEqual({ CustomRedirectDomain: 'y.example.com', HttpsPolicy: 'REQUIRE' });
  });
});

describe('v1 PutConfigurationSetDeliveryOptions', () => {
  it('sets and resets TlsPolicy (Require|Optional), seen by v1 and v2; bad values and missing sets are refused', async () => {
    await v1.send(new V1Create({ ConfigurationSet: { Name: 'v1-tls' } }));
    await v1.send(new PutConfigurationSetDeliveryOptionsCommand({ ConfigurationSetName: 'v1-tls', DeliveryOptions: { TlsPolicy: 'Require' } }));
    expect((await describeSet('v1-tls')).DeliveryOptions).toEqual({ TlsPolicy: 'Require' });
    expect((await v2.send(new GetConfigurationSetCommand({ ConfigurationSetName: 'v1-tls' }))).DeliveryOptions).toEqual({ TlsPolicy: 'REQUIRE' });

    await v1.send(new PutConfigurationSetDeliveryOptionsCommand({ ConfigurationSetName: 'v1-tls' }));
    expect((await describeSet('v1-tls')).DeliveryOptions).toEqual({ TlsPolicy: 'Optional' });

    const bad = await rejection(v1.send(new PutConfigurationSetDeliveryOptionsCommand({ ConfigurationSetName: 'v1-tls', DeliveryOptions: { TlsPolicy: 'REQUIRE' as never } })));
    expect(bad.name).toBe('ValidationError');
    expect(bad.message).toBe("1 validation error detected: Value 'REQUIRE' at 'deliveryOptions.tlsPolicy' failed to satisfy constraint: Member must satisfy enum value set: [Require, Optional]");
    const missing = await rejection(v1.send(new PutConfigurationSetDeliveryOptionsCommand({ ConfigurationSetName: 'v1-nope', DeliveryOptions: { TlsPolicy: 'Require' } })));
    expect(missing.name).toBe('ConfigurationSetDoesNotExistException');
  });
});

describe('v2 VDM, archiving and message security options with @aws-sdk/client-sesv2', () => {
  it('PutConfigurationSetVdmOptions replaces the group; an empty one removes it; bad enum values are refused', async () => {
    await v2.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'v2-vdm' }));
    await v2.send(
      new PutConfigurationSetVdmOptionsCommand({
        ConfigurationSetName: 'v2-vdm',
        VdmOptions: { DashboardOptions: { EngagementMetrics: 'ENABLED' }, GuardianOptions: { OptimizedSharedDelivery: 'DISABLED' } },
      }),
    );
    expect((await v2.send(new GetConfigurationSetCommand({ ConfigurationSetName: 'v2-vdm' }))).VdmOptions).toEqual({
      DashboardOptions: { EngagementMetrics: 'ENABLED' },
      GuardianOptions: { OptimizedSharedDelivery: 'DISABLED' },
    });
    await v2.send(new PutConfigurationSetVdmOptionsCommand({ ConfigurationSetName: 'v2-vdm', VdmOptions: {} }));
    expect((await v2.send(new GetConfigurationSetCommand({ ConfigurationSetName: 'v2-vdm' }))).VdmOptions).toBeUndefined();

    const bad = await rejection(v2.send(new PutConfigurationSetVdmOptionsCommand({ ConfigurationSetName: 'v2-vdm', VdmOptions: { DashboardOptions: { EngagementMetrics: 'ON' as never } } })));
    expect(bad).toMatchObject({ name: 'BadRequestException', $metadata: { httpStatusCode: 400 } });
    expect(bad.message).toContain("Value 'ON' at 'vdmOptions.dashboardOptions.engagementMetrics'");
    const missing = await rejection(v2.send(new PutConfigurationSetVdmOptionsCommand({ ConfigurationSetName: 'v2-nope', VdmOptions: {} })));
    expect(missing).toMatchObject({ name: 'NotFoundException', message: 'Configuration set v2-nope does not exist.', $metadata: { httpStatusCode: 404 } });
  });

  it('PutConfigurationSetArchivingOptions records an ARN, removes it when absent, refuses a non-ARN', async () => {
    const arn = 'arn:aws:ses:us-east-1:123456789012:mailmanager-archive/a-abc';
    await v2.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'v2-arch' }));
    await v2.send(new PutConfigurationSetArchivingOptionsCommand({ ConfigurationSetName: 'v2-arch', ArchiveArn: arn }));
    expect((await v2.send(new GetConfigurationSetCommand({ ConfigurationSetName: 'v2-arch' }))).ArchivingOptions).toEqual({ ArchiveArn: arn });
    await v2.send(new PutConfigurationSetArchivingOptionsCommand({ ConfigurationSetName: 'v2-arch' }));
    expect((await v2.send(new GetConfigurationSetCommand({ ConfigurationSetName: 'v2-arch' }))).ArchivingOptions).toBeUndefined();
    const bad = await rejection(v2.send(new PutConfigurationSetArchivingOptionsCommand({ ConfigurationSetName: 'v2-arch', ArchiveArn: 'archive-1' })));
    expect(bad).toMatchObject({ name: 'BadRequestException', message: 'Invalid archive ARN <archive-1>.' });
  });

  it('UpdateConfigurationSet records MessageSecurityOptions and GetConfigurationSet echoes them', async () => {
    await v2.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'v2-sec' }));
    await v2.send(new UpdateConfigurationSetCommand({ ConfigurationSetName: 'v2-sec', MessageSecurityOptions: { SigningScheme: { SmimeScheme: { SignatureFormat: 'DETACHED' } } } as never }));
    const got = await v2.send(new GetConfigurationSetCommand({ ConfigurationSetName: 'v2-sec' }));
    expect(got.MessageSecurityOptions).toEqual({ SigningScheme: { SmimeScheme: { SignatureFormat: 'DETACHED' } } });
    const missing = await rejection(v2.send(new UpdateConfigurationSetCommand({ ConfigurationSetName: 'v2-none' })));
    expect(missing.name).toBe('NotFoundException');
  });
});
