// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {EventTicket} from "./EventTicket.sol";
import {ResaleMarket} from "./ResaleMarket.sol";
import {EventConfig, TierConfig, TransferMode} from "./interfaces/ITicketTypes.sol";

/// @title TicketFactory
/// @notice Deploys one EventTicket per event and the chain's official ResaleMarket.
/// `EventCreated` is how indexers discover events.
/// @dev Full deploys, not clones: tier and event rules are immutables, so every transfer reads
/// them from code instead of storage (a clone would pay a cold SLOAD per rule on every transfer).
contract TicketFactory {
    /// @notice Default length of an event created with `createEvent` (no end time given).
    uint64 public constant DEFAULT_DURATION = 1 days;

    /// @notice The official resale market for every event of this factory.
    address public immutable market;
    /// @notice Every event ever created, in creation order.
    address[] public events;
    /// @notice True for tickets deployed by this factory.
    mapping(address ticket => bool) public isEvent;

    error TicketFactoryEmptyName();

    event EventCreated(
        address indexed ticket, address indexed organizer, uint256 indexed eventId, string name, uint64 startTime
    );

    constructor() {
        market = address(new ResaleMarket(address(this)));
    }

    /// @notice Creates a simple event owned by the caller: one free-transfer tier 0 with face value 0,
    /// the largest supply, zone 1, no resale above 0, ending `DEFAULT_DURATION` after `startTime`.
    /// @return ticket The new event's ERC-721 contract.
    function createEvent(string calldata name, string calldata symbol, uint64 startTime)
        external
        returns (address ticket)
    {
        TierConfig[] memory tiers = new TierConfig[](1);
        tiers[0] = TierConfig({
            faceValue: 0, supply: type(uint24).max, zones: 1, mode: TransferMode.Free, resaleCapBps: 0, voucherOnly: false
        });
        EventConfig memory cfg = EventConfig({
            name: name,
            symbol: symbol,
            startTime: startTime,
            endTime: startTime + DEFAULT_DURATION,
            lockWindow: 0,
            maxPerWallet: 0,
            maxPerIdentity: 0,
            royaltyBps: 0,
            voucherSigner: address(0)
        });
        return _create(cfg, tiers);
    }

    /// @notice Creates an event owned by the caller with explicit rules and up to 8 tiers.
    /// @return ticket The new event's ERC-721 contract.
    function createEventWithTiers(EventConfig calldata cfg, TierConfig[] calldata tiers)
        external
        returns (address ticket)
    {
        return _create(cfg, tiers);
    }

    /// @notice Number of events created.
    function eventCount() external view returns (uint256) {
        return events.length;
    }

    function _create(EventConfig memory cfg, TierConfig[] memory tiers) private returns (address ticket) {
        if (bytes(cfg.name).length == 0) revert TicketFactoryEmptyName();
        ticket = address(new EventTicket(msg.sender, market, cfg, tiers));
        uint256 eventId = events.length;
        events.push(ticket);
        isEvent[ticket] = true;
        emit EventCreated(ticket, msg.sender, eventId, cfg.name, cfg.startTime);
    }
}
