// The dialogue mechanism (docs/spec.md §8): meetings, agreed outcomes and action items tracked to completion.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ACTION_ITEM_STATUS_LABELS,
  MEETING_KIND_LABELS,
  MEETING_STATUS_LABELS,
  ZActionItemActionSchema,
  ZActionItemInputSchema,
  ZMeetingActionSchema,
  ZMeetingInputSchema,
  ZOutcomeInputSchema,
} from '../../../domain/dialogue/index.js';
import type { ServiceContext } from '../../../services/context.js';
import { actOnActionItem } from '../../../services/dialogue/act-on-action-item.js';
import { actOnMeeting } from '../../../services/dialogue/act-on-meeting.js';
import { amendOutcome } from '../../../services/dialogue/amend-outcome.js';
import { createActionItem } from '../../../services/dialogue/create-action-item.js';
import { createMeeting } from '../../../services/dialogue/create-meeting.js';
import { getMeeting } from '../../../services/dialogue/get-meeting.js';
import { listActionItems } from '../../../services/dialogue/list-action-items.js';
import { listMeetings } from '../../../services/dialogue/list-meetings.js';
import { recordOutcome } from '../../../services/dialogue/record-outcome.js';
import { actorOf } from '../../plugins/auth.js';
import { answers, itemsOf, splitList, ZIdParamsSchema } from '../common.schema.js';
import {
  ZActionItemViewSchema,
  ZDialogueMetaSchema,
  ZMeetingDetailSchema,
  ZMeetingViewSchema,
  ZOutcomeViewSchema,
} from './dialogue.response.js';
import { presentActionItem, presentMeeting, presentMeetingDetail, presentOutcome } from './dialogue.presenter.js';
import { ZActionItemListQuerySchema, ZMeetingChangesSchema, ZMeetingListQuerySchema } from './dialogue.schema.js';

export function dialogueRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['dialogue'];
    const read = { permission: 'dialogue:read' } as const;
    const edit = { permission: 'dialogue:edit' } as const;
    const withId = { tags, params: ZIdParamsSchema };

    app.get(
      '/dialogue/meta',
      {
        config: read,
        schema: { tags, summary: 'Meeting kinds and statuses for forms', response: answers(ZDialogueMetaSchema) },
      },
      async () => ({
        meetingKinds: MEETING_KIND_LABELS,
        meetingStatuses: MEETING_STATUS_LABELS,
        actionItemStatuses: ACTION_ITEM_STATUS_LABELS,
      }),
    );

    app.get(
      '/dialogue/meetings',
      {
        config: read,
        schema: {
          tags,
          summary: 'Meetings we take part in, latest first, with progress of their action items',
          querystring: ZMeetingListQuerySchema,
          response: answers(itemsOf(ZMeetingViewSchema)),
        },
      },
      async (request) => {
        const { status, ...q } = request.query;
        return {
          items: (await listMeetings(ctx, actorOf(request), { ...q, status: splitList(status) })).map(presentMeeting),
        };
      },
    );

    app.post(
      '/dialogue/meetings',
      {
        config: edit,
        schema: {
          tags,
          summary: 'Plan a meeting',
          body: ZMeetingInputSchema,
          response: answers(ZMeetingViewSchema, 201),
        },
      },
      async (request, reply) =>
        reply.status(201).send(presentMeeting(await createMeeting(ctx, actorOf(request), request.body))),
    );

    app.get(
      '/dialogue/meetings/:id',
      {
        config: read,
        schema: {
          ...withId,
          summary: 'One meeting with outcomes, action items, progress and history',
          response: answers(ZMeetingDetailSchema),
        },
      },
      async (request) => presentMeetingDetail(await getMeeting(ctx, actorOf(request), request.params.id)),
    );

    app.patch(
      '/dialogue/meetings/:id',
      {
        config: edit,
        schema: {
          ...withId,
          summary: 'Edit a meeting (until its minutes are agreed)',
          body: ZMeetingChangesSchema,
          response: answers(ZMeetingViewSchema),
        },
      },
      async (request) =>
        presentMeeting(
          await actOnMeeting(ctx, actorOf(request), request.params.id, { action: 'update', changes: request.body }),
        ),
    );

    app.post(
      '/dialogue/meetings/:id/actions',
      {
        config: edit,
        schema: {
          ...withId,
          summary: 'Mark held, agree the minutes, cancel, or update',
          body: ZMeetingActionSchema,
          response: answers(ZMeetingViewSchema),
        },
      },
      async (request) => presentMeeting(await actOnMeeting(ctx, actorOf(request), request.params.id, request.body)),
    );

    app.post(
      '/dialogue/meetings/:id/outcomes',
      {
        config: edit,
        schema: {
          ...withId,
          summary: 'Record an agreed outcome of a held meeting',
          body: ZOutcomeInputSchema,
          response: answers(ZOutcomeViewSchema, 201),
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(presentOutcome(await recordOutcome(ctx, actorOf(request), request.params.id, request.body))),
    );

    app.patch(
      '/dialogue/outcomes/:id',
      {
        config: edit,
        schema: {
          ...withId,
          summary: 'Amend an agreed outcome',
          body: ZOutcomeInputSchema,
          response: answers(ZOutcomeViewSchema),
        },
      },
      async (request) => presentOutcome(await amendOutcome(ctx, actorOf(request), request.params.id, request.body)),
    );

    app.post(
      '/dialogue/meetings/:id/action-items',
      {
        config: edit,
        schema: {
          ...withId,
          summary: 'Record an action item with owner and due date',
          body: ZActionItemInputSchema,
          response: answers(ZActionItemViewSchema, 201),
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(presentActionItem(await createActionItem(ctx, actorOf(request), request.params.id, request.body))),
    );

    app.get(
      '/dialogue/action-items',
      {
        config: read,
        schema: {
          tags,
          summary: 'Action items, soonest due first; overdue=true for the overdue ones',
          querystring: ZActionItemListQuerySchema,
          response: answers(itemsOf(ZActionItemViewSchema)),
        },
      },
      async (request) => {
        const { status, overdue, ...q } = request.query;
        const items = await listActionItems(ctx, actorOf(request), {
          ...q,
          status: splitList(status),
          overdue: overdue === 'true',
        });
        return { items: items.map(presentActionItem) };
      },
    );

    app.post(
      '/dialogue/action-items/:id/actions',
      {
        config: edit,
        schema: {
          ...withId,
          summary: 'Edit, start, complete, drop, reopen or note an action item',
          body: ZActionItemActionSchema,
          response: answers(ZActionItemViewSchema),
        },
      },
      async (request) =>
        presentActionItem(await actOnActionItem(ctx, actorOf(request), request.params.id, request.body)),
    );
  };
}
